"use client";

import dynamic from "next/dynamic";
import type { CommentView } from "@/lib/comments/view";
import type { HighlightView } from "@/lib/highlights/view";
import { useEssayModeration } from "./essay-moderation-store";

// The tools are their own chunks, fetched only when a moderator's page draws
// them: a reader's bundle holds these slots and nothing more.
const CommentTools = dynamic(() => import("./comment-tools").then((module) => module.CommentTools));
const NoteTools = dynamic(() => import("./note-tools").then((module) => module.NoteTools));

/** A comment's moderation tools, on a moderator's essay page; nothing anywhere else. */
export function CommentModeration({ comment }: { comment: CommentView }) {
  const extras = useEssayModeration();
  if (!extras || comment.state === "deleted") return null;
  return <CommentTools comment={comment} extras={extras} />;
}

/** A public note's moderation tools, on a moderator's essay page; nothing anywhere else (and nothing on a highlight without a note). */
export function NoteModeration({ highlight }: { highlight: HighlightView }) {
  const extras = useEssayModeration();
  if (!extras || highlight.visibility !== "public" || !(highlight.note || highlight.id in extras.hiddenNotes)) return null;
  return <NoteTools highlight={highlight} extras={extras} />;
}
