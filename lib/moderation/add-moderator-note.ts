import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";

/**
 * Adds a private moderator note about a reader, and records that one was
 * added. The audit row names the note, never its text: the text lives in
 * the note alone, which only moderators read, and the reader is not
 * notified (nothing about the note reaches them).
 */
export async function addModeratorNote(actor: Viewer | null, handle: string, body: string): Promise<{ note: { id: string; author: string; body: string; at: string } }> {
  assertRole(actor, "MODERATOR");
  return db.$transaction(async (tx) => {
    const subject = await tx.user.findUnique({ where: { handle: handle.replace(/^@/, "").toLowerCase() }, select: { id: true } });
    if (!subject) throw new AppError("NOT_FOUND", "No reader has that handle.");
    const note = await tx.moderatorNote.create({ data: { subjectId: subject.id, authorId: actor.id, body }, select: { id: true, body: true, createdAt: true } });
    await recordModerationAction(tx, actor, { action: "add-note", targetType: "user", targetId: subject.id, after: { noteId: note.id } });
    return { note: { id: note.id, author: `@${actor.handle}`, body: note.body, at: note.createdAt.toISOString() } };
  });
}
