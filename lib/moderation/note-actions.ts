import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { notifyAuthor, resolveReports } from "./notify";
import { MODERATION_PERMISSIONS } from "./actions";

type NoteAction = "hide-note" | "restore-note" | "dismiss-note-reports";

/**
 * Moderates the notes of public highlights: hide one (everyone but its
 * author stops seeing it; the author is told why), restore it, or dismiss
 * the reports on it. The highlight itself, the reader's own marking, stays.
 */
export async function moderateNotes(actor: Viewer | null, action: NoteAction, highlightIds: readonly string[], reason: string | null): Promise<{ changed: number }> {
  assertRole(actor, MODERATION_PERMISSIONS[action]);
  return db.$transaction(async (tx) => {
    const notes = await tx.highlight.findMany({ where: { id: { in: [...highlightIds] } }, select: { id: true, essayId: true, authorId: true, note: true, noteHiddenAt: true, noteHiddenReason: true } });
    if (notes.length !== new Set(highlightIds).size) throw new AppError("NOT_FOUND", "One of those highlights no longer exists.");
    let changed = 0;
    for (const note of notes) {
      const hidden = action === "hide-note" ? true : action === "restore-note" ? false : note.noteHiddenAt !== null;
      const writes = hidden !== (note.noteHiddenAt !== null) || (hidden && action === "hide-note" && note.noteHiddenReason !== reason);
      if (writes) {
        await tx.highlight.update({ where: { id: note.id }, data: hidden ? { noteHiddenAt: new Date(), noteHiddenReason: reason } : { noteHiddenAt: null, noteHiddenReason: null } });
        changed += 1;
      }
      await recordModerationAction(tx, actor, {
        action,
        targetType: "note",
        targetId: note.id,
        reason,
        before: { hidden: note.noteHiddenAt !== null, reason: note.noteHiddenReason, note: note.note },
        after: { hidden, reason: hidden ? reason : null },
      });
      const link = { essayId: note.essayId };
      if (action !== "restore-note") await resolveReports(tx, { highlightId: note.id }, action === "hide-note" ? "ACTIONED" : "DISMISSED", actor.id, link);
      if (action === "hide-note") await notifyAuthor(tx, note.authorId, `A moderator hid the note on your highlight. Reason: ${reason}`, link);
      if (action === "restore-note" && writes) await notifyAuthor(tx, note.authorId, "A moderator restored the note on your highlight.", link);
    }
    return { changed };
  });
}
