import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { PUBLIC_NOTE } from "./public-notes";
import { siteSettings } from "./settings";

/**
 * What a moderator's essay page knows beyond a reader's: open reports per
 * comment and per public note, which notes are hidden (a reader's view of a
 * hidden note has no text, so nothing else says so), and the canned reasons
 * the hide form offers. Sent only to moderators, beside the page rather than
 * inside the discussion's views, so no reader's payload carries any of it.
 */
export interface EssayModeration {
  essayId: string;
  openReports: { comments: Record<string, number>; notes: Record<string, number> };
  hiddenNotes: Record<string, string | null>;
  hideReasons: string[];
  sanctionReasons: string[];
}

/** The moderator's extras for one essay's page (moderators and admins; see EssayModeration). */
export async function loadEssayModeration(actor: Viewer | null, essayId: string): Promise<EssayModeration> {
  assertRole(actor, "MODERATOR");
  const [commentReports, noteReports, hidden, settings] = await Promise.all([
    db.report.groupBy({ by: ["commentId"], where: { status: "OPEN", comment: { essayId } }, _count: { _all: true } }),
    db.report.groupBy({ by: ["highlightId"], where: { status: "OPEN", highlight: { essayId, ...PUBLIC_NOTE } }, _count: { _all: true } }),
    db.highlight.findMany({ where: { essayId, noteHiddenAt: { not: null }, ...PUBLIC_NOTE }, select: { id: true, noteHiddenReason: true } }),
    siteSettings(),
  ]);
  return {
    essayId,
    openReports: {
      comments: Object.fromEntries(commentReports.map((row) => [String(row.commentId), row._count._all])),
      notes: Object.fromEntries(noteReports.map((row) => [row.highlightId!, row._count._all])),
    },
    hiddenNotes: Object.fromEntries(hidden.map((note) => [note.id, note.noteHiddenReason])),
    hideReasons: settings.cannedHideReasons,
    sanctionReasons: settings.cannedSanctionReasons,
  };
}
