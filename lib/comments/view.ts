import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";

/** A comment row as the read queries return it (one flat shape for every query). */
export interface CommentRow {
  id: number;
  essayId: string;
  highlightId: string | null;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  path: string;
  authorId: string | null;
  authorHandle: string | null;
  authorName: string | null;
  authorDeleted: boolean;
  /** The Markdown source: only on the viewer's own comments. */
  body: string | null;
  bodyHtml: string;
  status: "PUBLISHED" | "HELD" | "HIDDEN";
  hiddenReason: string | null;
  deletedAt: Date | null;
  editedAt: Date | null;
  pinnedAt: Date | null;
  lockedAt: Date | null;
  upvotes: number;
  createdAt: Date;
  voted: boolean;
  passageQuote: string | null;
  replyCount?: number;
}

/** How a comment appears to one reader. */
export type CommentState = "published" | "held" | "hidden" | "deleted";

/** A comment as sent to a browser: tombstones carry no text, and the materialised path stays on the server (the tree is rebuilt from parent ids). */
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

/**
 * Whether a reader may see a comment row at all. Published ones, tombstones
 * of deleted or hidden ones (so replies keep their place), and held ones only
 * for their author. Used by every read path, including the live stream.
 */
export function isVisibleTo(row: Pick<CommentRow, "status" | "authorId">, viewerId: string | null): boolean {
  return row.status !== "HELD" || (viewerId !== null && row.authorId === viewerId);
}

/** Shapes a visible row for `viewerId`; hidden and deleted comments become tombstones without their text. */
export function toCommentView(row: CommentRow, viewerId: string | null): CommentView {
  const mine = viewerId !== null && row.authorId === viewerId;
  const state: CommentState = row.deletedAt ? "deleted" : row.status === "HIDDEN" ? "hidden" : row.status === "HELD" ? "held" : "published";
  const shown = state === "published" || state === "held";
  return {
    id: row.id,
    highlightId: row.highlightId,
    parentId: row.parentId,
    rootId: row.rootId ?? row.id,
    depth: row.depth,
    state,
    author: state === "deleted" ? null : row.authorDeleted || !row.authorHandle ? { handle: "", name: DELETED_ACCOUNT_NAME } : { handle: row.authorHandle, name: row.authorName ?? row.authorHandle },
    html: shown ? row.bodyHtml : null,
    source: shown && mine ? row.body : null,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    edited: row.editedAt !== null,
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    upvotes: row.upvotes,
    voted: row.voted,
    mine,
    replyCount: row.replyCount ?? 0,
    passageQuote: row.passageQuote,
    createdAt: row.createdAt.toISOString(),
  };
}
