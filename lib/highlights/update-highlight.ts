import "server-only";
import { assertEmailConfirmed } from "@/lib/auth/assert-email-confirmed";
import { assertMayPublish } from "@/lib/passages/assert-may-publish";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { announceDiscussionEvent, recordHighlightEvent, type RecordedEvent } from "@/lib/live/publish";
import type { UpdateHighlightInput } from "./schemas";
import { storedTags } from "./stored-tags";
import { fieldTagsOf } from "./tags";
import { highlightViewSelect, toHighlightView, type HighlightView } from "./view";

const NOT_YOURS = "That highlight does not exist or is not yours.";

/**
 * One write to the author's own highlight, with its event: `change` runs in
 * a transaction after the highlight's essay and visibility are read, and
 * answers whether it changed anything; the event is recorded (when public)
 * in the same transaction and announced after the commit.
 */
async function changeOwnHighlight(authorId: string, highlightId: string, deleted: boolean, change: (tx: Prisma.TransactionClient) => Promise<number>, notFound: string): Promise<void> {
  const event = await db.$transaction(async (tx): Promise<RecordedEvent | null> => {
    const before = await tx.highlight.findFirst({ where: { id: highlightId, authorId, deletedAt: deleted ? { not: null } : null }, select: { essayId: true, visibility: true } });
    if (!before || (await change(tx)) === 0) throw new AppError("NOT_FOUND", notFound);
    const after = await tx.highlight.findUniqueOrThrow({ where: { id: highlightId }, select: { visibility: true } });
    return recordHighlightEvent(tx, before.essayId, highlightId, before.visibility === "PUBLIC", after.visibility === "PUBLIC");
  });
  await announceDiscussionEvent(event);
}

/**
 * Changes the colour, note, tags or visibility of one of the author's own
 * highlights (tags: see lib/highlights/tags.ts; the note's #words are
 * always among them). A highlight that carries a discussion stays public: the
 * comments on it are public, and they quote it.
 */
export async function updateHighlight(authorId: string, highlightId: string, input: UpdateHighlightInput): Promise<HighlightView> {
  if (input.visibility === "public") {
    await assertEmailConfirmed(authorId, "publish a highlight");
    await assertMayPublish(highlightId, authorId);
  }
  if (input.visibility === "private") {
    const discussed = await db.highlight.findFirst({ where: { id: highlightId, authorId, deletedAt: null, comments: { some: {} } }, select: { id: true } });
    if (discussed) throw new AppError("CONFLICT", "This highlight has a discussion, so it stays public. You can change its colour or note.");
  }
  await changeOwnHighlight(
    authorId,
    highlightId,
    false,
    async (tx) => {
      // Tags follow the note: the field's tags are what was stored less the old note's #words, unless the field is sent anew.
      let tags: string[] | undefined;
      if (input.tags !== undefined || input.note !== undefined) {
        const before = await tx.highlight.findFirst({ where: { id: highlightId, authorId, deletedAt: null }, select: { note: true, tags: true } });
        if (!before) return 0;
        const note = input.note !== undefined ? input.note : before.note;
        tags = storedTags(input.tags ?? fieldTagsOf(before.tags, before.note), note);
      }
      return (
        await tx.highlight.updateMany({
          where: { id: highlightId, authorId, deletedAt: null, ...(input.visibility === "private" ? { comments: { none: {} } } : {}) },
          data: {
            ...(input.colour ? { colour: input.colour.toUpperCase() as Uppercase<typeof input.colour> } : {}),
            ...(input.note !== undefined ? { note: input.note } : {}),
            ...(tags !== undefined ? { tags } : {}),
            ...(input.visibility ? { visibility: input.visibility === "public" ? ("PUBLIC" as const) : ("PRIVATE" as const) } : {}),
          },
        })
      ).count;
    },
    NOT_YOURS,
  );
  const row = await db.highlight.findUniqueOrThrow({ where: { id: highlightId }, select: highlightViewSelect });
  return toHighlightView(row, authorId);
}

/**
 * Deletes one of the author's own highlights softly, so "Undo" can bring back
 * the very same highlight (id, links and discussion intact).
 */
export async function deleteHighlight(authorId: string, highlightId: string): Promise<void> {
  await changeOwnHighlight(
    authorId,
    highlightId,
    false,
    async (tx) => (await tx.highlight.updateMany({ where: { id: highlightId, authorId, deletedAt: null }, data: { deletedAt: new Date() } })).count,
    NOT_YOURS,
  );
}

/** Undoes `deleteHighlight`, unless the author has since highlighted the same passage again (one live highlight per passage). */
export async function restoreHighlight(authorId: string, highlightId: string): Promise<HighlightView> {
  const deleted = await db.highlight.findFirst({ where: { id: highlightId, authorId, deletedAt: { not: null } }, select: { essayId: true, revisionId: true, start: true, end: true } });
  if (deleted && (await db.highlight.count({ where: { ...deleted, authorId, deletedAt: null } })) > 0) {
    throw new AppError("CONFLICT", "You have highlighted this passage again since deleting it; that newer highlight stays.");
  }
  await changeOwnHighlight(
    authorId,
    highlightId,
    true,
    async (tx) => (await tx.highlight.updateMany({ where: { id: highlightId, authorId, deletedAt: { not: null } }, data: { deletedAt: null } })).count,
    "There is no deleted highlight of yours with that id to restore.",
  );
  const row = await db.highlight.findUniqueOrThrow({ where: { id: highlightId }, select: highlightViewSelect });
  return toHighlightView(row, authorId);
}
