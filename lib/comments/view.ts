/** How a comment appears to one reader. */
export type CommentState = "published" | "held" | "hidden" | "deleted";

/**
 * A comment as sent to a browser: tombstones carry no text, and the
 * materialised path stays on the server (the tree is rebuilt from parent
 * ids). PostgreSQL masks what a reader may not see (read-sql.ts's
 * `commentViewColumns`).
 */
export interface CommentView {
  id: number;
  highlightId: string | null;
  parentId: number | null;
  rootId: number;
  depth: number;
  state: CommentState;
  author: { handle: string; name: string } | null;
  html: string | null;
  /** The Markdown source, only for its author (to edit). */
  source: string | null;
  hiddenReason: string | null;
  /** Hidden automatically when reports reached the threshold: no moderator has decided yet. */
  hiddenByReports: boolean;
  /** A held comment, to its author only: the pipeline's reasons for holding it (lib/moderation/hold-explanations.ts words them). */
  holdReasons: string[] | null;
  /** A held comment, to its author only: the median wait of recently reviewed held comments, in seconds (null without enough of them). */
  reviewWaitSeconds: number | null;
  edited: boolean;
  pinned: boolean;
  locked: boolean;
  upvotes: number;
  voted: boolean;
  mine: boolean;
  replyCount: number;
  /** For a thread on a passage: the passage's words (on the thread's first comment). */
  passageQuote: string | null;
  createdAt: string;
}

/** A page of threads with their first replies. */
export interface DiscussionPage {
  comments: CommentView[];
  threads: number;
  nextCursor: number | null;
}

/** An essay's discussion as the page first shows it: the first page of general threads, and the number of passage threads. */
export interface DiscussionOverview {
  general: DiscussionPage;
  passageThreads: number;
}
