import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { notifyAuthor, resolveReports } from "./notify";
import { PUBLIC_NOTE } from "./public-notes";
import { MODERATION_PERMISSIONS } from "./actions";

type NoteAction = "hide-note" | "restore-note" | "dismiss-note-reports";

/**
 * Moderates the notes of public highlights: hide one (everyone but its
 * author stops seeing it; the author is told why), restore it, or dismiss
 * the reports on it. The highlight itself, the reader's own marking, stays.
 * Only public notes (`PUBLIC_NOTE`): a private highlight is NOT_FOUND.
 */
export async function moderateNotes(actor: Viewer | null, action: NoteAction, highlightIds: readonly string[], reason: string | null): Promise<{ changed: number }> {
  assertRole(actor, MODERATION_PERMISSIONS[action]);
  const ids = [...new Set(highlightIds)];
  return db.$transaction(async (tx) => {
    // Public notes only, locked (in id order, so two bulk actions cannot
    // deadlock) until the action commits: an author who makes a note private
    // meanwhile waits for the action, or, if first, takes the note out of it.
    // A private id is NOT_FOUND for the whole request, before anything is
    // written: no audit row (which would keep the note's text for admins),
    // no notice, no settled reports.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Highlight"
      WHERE id = ANY(${ids}::text[]) AND visibility = 'PUBLIC' AND "deletedAt" IS NULL AND note IS NOT NULL
      ORDER BY id FOR NO KEY UPDATE`;
    if (locked.length !== ids.length) throw new AppError("NOT_FOUND", "One of those notes does not exist.");
    const notes = await tx.highlight.findMany({
      where: { id: { in: ids }, ...PUBLIC_NOTE },
      select: { id: true, essayId: true, authorId: true, note: true, noteHiddenAt: true, noteHiddenReason: true, noteHiddenByReports: true },
    });
    let changed = 0;
    for (const note of notes) {
      // Dismissing the reports on a note they hid is a moderator finding it fine: it comes back, as an approved comment does.
      const hidden = action === "hide-note" ? true : action === "restore-note" ? false : note.noteHiddenAt !== null && !note.noteHiddenByReports;
      const writes = hidden !== (note.noteHiddenAt !== null) || (hidden && action === "hide-note" && (note.noteHiddenReason !== reason || note.noteHiddenByReports));
      if (writes) {
        // Whatever a moderator decides, the note is no longer "hidden after reports, awaiting a moderator".
        await tx.highlight.update({
          where: { id: note.id },
          data: hidden ? { noteHiddenAt: new Date(), noteHiddenReason: reason, noteHiddenByReports: false } : { noteHiddenAt: null, noteHiddenReason: null, noteHiddenByReports: false },
        });
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
      if (action !== "hide-note" && writes) await notifyAuthor(tx, note.authorId, "A moderator restored the note on your highlight.", link);
    }
    return { changed };
  });
}
