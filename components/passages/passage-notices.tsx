/** What a reader is told about a passage where they would comment on or highlight it (lib/passages/view.ts says what). */
export function PassageNotices({ notices }: { notices: string[] }) {
  if (!notices.length) return null;
  return (
    <div className="passage-notices" role="note" data-testid="passage-notices">
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
    </div>
  );
}
