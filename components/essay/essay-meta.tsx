function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

export function EssayMeta(props: { byline?: string | null; readingMinutes: number; highlightCount?: number; commentCount?: number }) {
  const parts = [
    props.byline,
    `${props.readingMinutes} min read`,
    props.highlightCount === undefined ? null : plural(props.highlightCount, "highlight", "highlights"),
    props.commentCount === undefined ? null : plural(props.commentCount, "comment", "comments"),
  ].filter((part): part is string => Boolean(part));
  return (
    <p className="essay-meta">
      {/* Every item carries its dot; the one that starts a line is clipped off (see .essay-meta), so a wrapped line never begins with "·". */}
      {parts.map((part) => (
        <span key={part} className="essay-meta__item">
          <span aria-hidden="true" className="essay-meta__dot">
            ·
          </span>
          {part}
        </span>
      ))}
    </p>
  );
}
