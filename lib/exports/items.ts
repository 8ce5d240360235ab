// What the exports are made of: a reader's highlights and comments, loaded
// (load-export-items.ts) and then written out by pure serialisers, one file
// per format (markdown.ts, csv.ts, annotation-collection.ts).

/** The essay an item is on. */
export interface ExportEssay {
  slug: string;
  title: string;
  /** When its current revision was published. */
  revisedAt: Date;
}

/** A passage as it stands on the revision its highlight is anchored on: the words are that revision's text at start..end. */
export interface ExportPassage {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  revisionId: string;
  revisionCreatedAt: Date;
}

/** One of the reader's highlights. */
export interface ExportHighlight {
  kind: "highlight";
  id: string;
  essay: ExportEssay;
  passage: ExportPassage;
  /** A revision removed its passage: the words are those of the last revision it was on. */
  orphaned: boolean;
  colour: string;
  note: string | null;
  /** A moderator hid the note from other readers (it is still the reader's, so it is exported). */
  noteHidden: boolean;
  tags: string[];
  visibility: "private" | "public";
  created: Date;
  modified: Date;
}

/** One of the reader's comments; held and hidden ones are theirs too, and say so. */
export interface ExportComment {
  kind: "comment";
  id: number;
  essay: ExportEssay;
  /** The Markdown they wrote. */
  body: string;
  status: "published" | "held" | "hidden";
  highlightId: string | null;
  /** The passage its thread hangs on, when there is one and it is anchored. */
  passage: ExportPassage | null;
  parentId: number | null;
  created: Date;
  modified: Date;
}

/** Everything one export holds. */
export interface ExportItems {
  reader: { handle: string; name: string };
  highlights: ExportHighlight[];
  comments: ExportComment[];
}

/** Absolute links to where an item is read on Glossa. */
export const exportLinks = {
  essay: (origin: string, slug: string) => `${origin}/essays/${encodeURIComponent(slug)}`,
  highlight: (origin: string, item: ExportHighlight) => `${exportLinks.essay(origin, item.essay.slug)}${item.orphaned ? "" : `#hl-${item.id}`}`,
  comment: (origin: string, item: ExportComment) => `${exportLinks.essay(origin, item.essay.slug)}/comments/${item.id}#c-${item.id}`,
};

/** The essays of an export's items, each with its highlights (in reading order, orphans last) and comments (oldest first), essays by title. */
export function groupByEssay(items: ExportItems): { essay: ExportEssay; highlights: ExportHighlight[]; comments: ExportComment[] }[] {
  const groups = new Map<string, { essay: ExportEssay; highlights: ExportHighlight[]; comments: ExportComment[] }>();
  const groupOf = (essay: ExportEssay) => {
    let group = groups.get(essay.slug);
    if (!group) groups.set(essay.slug, (group = { essay, highlights: [], comments: [] }));
    return group;
  };
  for (const highlight of items.highlights) groupOf(highlight.essay).highlights.push(highlight);
  for (const comment of items.comments) groupOf(comment.essay).comments.push(comment);
  for (const group of groups.values()) {
    group.highlights.sort((a, b) => Number(a.orphaned) - Number(b.orphaned) || a.passage.start - b.passage.start || a.created.getTime() - b.created.getTime());
    group.comments.sort((a, b) => a.created.getTime() - b.created.getTime() || a.id - b.id);
  }
  return [...groups.values()].sort((a, b) => a.essay.title.localeCompare(b.essay.title, "en") || a.essay.slug.localeCompare(b.essay.slug));
}

/** The day of a moment, as YYYY-MM-DD in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
