"use client";

import { createContext, useContext } from "react";
import type { CommentView } from "@/lib/comments/view";

/** What a comment can ask its discussion to do. */
export interface ThreadActions {
  slug: string;
  canWrite: boolean;
  /** Signed in (reporting works even where commenting is closed). */
  signedIn: boolean;
  /** The comment a permalink points at. */
  targetId: number | null;
  /** Posted by someone else since the reader's last visit to the essay. */
  isNew(comment: CommentView): boolean;
  reply(parent: CommentView, body: string): Promise<void>;
  edit(id: number, body: string): Promise<void>;
  /** Shows the comment as deleted with an Undo; the deletion is sent when the undo window ends. */
  scheduleDelete(id: number): void;
  undoDelete(id: number): void;
  /** Comments deleted but still undoable. */
  pendingDeletes: ReadonlySet<number>;
  vote(id: number): Promise<void>;
  /** Reads one comment again and shows it as it is now (after a moderator acted on it in place). */
  refresh(id: number): Promise<void>;
  /** Loads everything under `comment` in place. */
  loadMore(comment: CommentView): Promise<void>;
  copyLink(path: string): void;
}

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

export function useThreadActions(): ThreadActions {
  const actions = useContext(ThreadActionsContext);
  if (!actions) throw new Error("CommentItem must be inside a discussion.");
  return actions;
}
