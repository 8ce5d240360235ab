import "server-only";
import { LIMITS, consume, refund } from "@/lib/rate-limit/limits";
import { assertEmailConfirmed } from "@/lib/auth/assert-email-confirmed";
import { randomUUID } from "node:crypto";
import { describe } from "@/lib/anchoring";
import { revisionLock } from "@/lib/essays/revision-lock";
import { sqlTransaction, type SqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent } from "@/lib/live/publish";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateHighlightInput } from "./schemas";
import { ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE, HIGHLIGHTS_CLOSED_MESSAGE, PUBLIC_HIGHLIGHTS_OFF_MESSAGE } from "@/lib/passages/view";
import { storedTags } from "./stored-tags";
import { toHighlightView, type HighlightRow, type HighlightView } from "./view";

type NewHighlight = Pick<CreateHighlightInput, "revisionId" | "start" | "end" | "exact" | "colour" | "note" | "visibility" | "tags">;

/** A highlight row as the insert returns it, flat. */
type InsertedRow = Omit<HighlightRow, "author" | "_count"> & { authorId: string; authorHandle: string; authorName: string };

/** The columns a highlight view is built from, read from `h` joined to its author `u`. */
const VIEW_COLUMNS = Prisma.sql`h.id, h."revisionId", h.start, h."end", h.exact, h.colour::text AS colour, h.note, h."noteHiddenAt", h."noteHiddenReason",
      h.visibility::text AS visibility, h.tags, h.status::text AS status, h."passageDiff", h."createdAt", h."updatedAt", u.id AS "authorId", u.handle AS "authorHandle", u.name AS "authorName"`;

/** What to do when the reader already has a highlight on exactly this passage. */
type OnDuplicate = "refuse" | "reuse-public";

/**
 * Stores a highlight inside a gateway transaction, after checking it: the
 * essay accepts highlights, the selection is on its current revision, and
 * its words are exactly the revision's text at the given offsets. A forged
 * or stale anchor is refused with 422 rather than stored on the wrong words.
 * The quote selector's prefix and suffix are computed here, not trusted.
 * Both ways a highlight is made (on its own, or with a comment on a newly
 * selected passage) go through this one insert.
 *
 * One reader has at most one live highlight per passage (same revision, same
 * start and end): a second one would only double the margin count. A repeat
 * is refused with 409 naming what to do instead; a comment on a passage the
 * reader already highlighted publicly (`reuse-public`) joins that highlight.
 * A private one is never published by a comment: that is refused too.
 */
export async function insertHighlight(tx: SqlTransaction, authorId: string, essayId: string, input: NewHighlight, onDuplicate: OnDuplicate = "refuse"): Promise<HighlightView> {
  const tags = storedTags(input.tags ?? [], input.note);
  // Waits for a revision being published (revisionLock), so the current revision read next is the one that stays current,
  // and serialises this reader's highlights on this essay, so two racing requests cannot both pass the duplicate check.
  await tx.rows(Prisma.sql`SELECT ${revisionLock(essayId, "shared")}, pg_advisory_xact_lock(hashtext(${`highlight:${authorId}:${essayId}`}))::text AS locked`);
  const [current] = await tx.rows<{ highlightsOpen: boolean; publicHighlightsOpen: boolean; revisionId: string | null; text: string | null }>(Prisma.sql`
    SELECT e."highlightsOpen", e."publicHighlightsOpen", r.id AS "revisionId", r.text FROM "Essay" e LEFT JOIN "EssayRevision" r ON r.id = e."currentRevisionId" WHERE e.id = ${essayId} AND e."unpublishedAt" IS NULL`);
  if (!current?.revisionId || current.text === null) throw new AppError("NOT_FOUND", "That essay does not exist.");
  if (!current.highlightsOpen) throw new AppError("FORBIDDEN", "Highlighting is closed on this essay.");
  if (input.revisionId !== current.revisionId) {
    throw new AppError("VALIDATION", "The essay has been revised since this page was loaded. Reload the page and highlight the passage again.", {
      fieldErrors: { revisionId: ["This is not the essay's current revision."] },
    });
  }
  if (input.end > current.text.length || current.text.slice(input.start, input.end) !== input.exact) {
    throw new AppError("VALIDATION", "The highlighted words do not match the essay at that position. Reload the page and try again.", {
      fieldErrors: { exact: ["These words are not in the essay at the given position."] },
    });
  }
  await assertPassageOpen(tx, essayId, current.revisionId, input, current.publicHighlightsOpen);
  const [existing] = await tx.rows<InsertedRow>(Prisma.sql`
    SELECT ${VIEW_COLUMNS} FROM "Highlight" h JOIN "User" u ON u.id = h."authorId"
    WHERE h."authorId" = ${authorId} AND h."essayId" = ${essayId} AND h."revisionId" = ${input.revisionId} AND h.start = ${input.start} AND h."end" = ${input.end} AND h."deletedAt" IS NULL
    LIMIT 1`);
  if (existing) {
    if (onDuplicate === "reuse-public" && existing.visibility === "PUBLIC") return viewOf(existing, authorId);
    throw new AppError(
      "CONFLICT",
      existing.visibility === "PUBLIC" || onDuplicate === "refuse"
        ? "You have already highlighted exactly this passage. Open that highlight to change its colour, note or who can see it."
        : "You highlighted this passage privately. Make that highlight public first to start a discussion on it.",
    );
  }
  const selectors = describe(current.text, input.start, input.end);
  const [row] = await tx.rows<InsertedRow>(Prisma.sql`
    WITH h AS (
      INSERT INTO "Highlight" (id, "essayId", "authorId", "revisionId", "originalRevisionId", exact, prefix, suffix, start, "end", colour, note, tags, visibility, "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${essayId}, ${authorId}, ${current.revisionId}, ${current.revisionId}, ${selectors.quote.exact}, ${selectors.quote.prefix}, ${selectors.quote.suffix},
        ${selectors.position.start}, ${selectors.position.end}, ${input.colour.toUpperCase()}::"HighlightColour", ${input.note}, ${tags}::text[],
        ${input.visibility === "public" ? "PUBLIC" : "PRIVATE"}::"Visibility", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      RETURNING *
    )
    SELECT ${VIEW_COLUMNS} FROM h JOIN "User" u ON u.id = h."authorId"`);
  return viewOf(row!, authorId);
}

/**
 * Refuses a highlight on a passage the moderators closed to new highlights
 * (403), and a public one where the editors turned public highlights off,
 * on the essay or on the passage (403, saying a private one is possible).
 * Read in the insert's transaction, after the revision lock: a control
 * cannot move between this read and the insert.
 */
async function assertPassageOpen(tx: SqlTransaction, essayId: string, revisionId: string, input: NewHighlight, publicHighlightsOpen: boolean): Promise<void> {
  const [rules] = await tx.rows<{ closed: boolean | null; publicOff: boolean | null }>(Prisma.sql`
    SELECT bool_or("highlightsClosed") AS closed, bool_or("publicHighlightsOff") AS "publicOff" FROM "PassageControl"
    WHERE "essayId" = ${essayId} AND "revisionId" = ${revisionId} AND start < ${input.end} AND "end" > ${input.start}`);
  if (rules?.closed) throw new AppError("FORBIDDEN", HIGHLIGHTS_CLOSED_MESSAGE);
  if (input.visibility !== "public") return;
  if (!publicHighlightsOpen) throw new AppError("FORBIDDEN", ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
  if (rules?.publicOff) throw new AppError("FORBIDDEN", PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
}

function viewOf(row: InsertedRow, viewerId: string): HighlightView {
  const { authorId: id, authorHandle: handle, authorName: name, ...highlight } = row;
  // A reused highlight may carry comments; the view's count is refreshed by the next listing.
  return toHighlightView({ ...highlight, author: { id, handle, name }, _count: { comments: 0 } }, viewerId);
}

/**
 * Stores a highlight made by `authorId` on the essay `essayId` (see
 * insertHighlight for the checks). A public one is recorded on the essay's
 * event log in the same transaction, so other readers' pages paint it live;
 * a private one records nothing (publish.ts, recordHighlightEvent).
 */
export async function createHighlight(authorId: string, essayId: string, input: CreateHighlightInput): Promise<HighlightView> {
  if (input.visibility === "public") await assertEmailConfirmed(authorId, "publish a highlight");
  // Counted before the transaction (the anchoring checks run inside it, on
  // the revision it locks) and given back when it refuses or fails, so only
  // a stored highlight spends one. Web and annotation API share the count.
  const limit = [{ rule: LIMITS.highlightsPerUser, key: authorId }];
  await consume(limit);
  const { highlight, eventId } = await sqlTransaction(async (tx) => {
    const highlight = await insertHighlight(tx, authorId, essayId, input);
    if (highlight.visibility !== "public") return { highlight, eventId: null };
    const [event] = await tx.rows<{ id: number }>(Prisma.sql`INSERT INTO "DiscussionEvent" ("essayId", kind, "highlightId") VALUES (${essayId}, 'highlight', ${highlight.id}) RETURNING id`);
    return { highlight, eventId: event!.id };
  }).catch(async (error: unknown) => {
    await refund(limit).catch(() => undefined);
    throw error;
  });
  await announceDiscussionEvent(eventId === null ? null : { essayId, eventId });
  return highlight;
}
