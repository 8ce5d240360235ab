import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The notes moderation sees and acts on: those of public, undeleted
 * highlights, which is what other readers see. A private highlight is its
 * author's alone: to moderators it does not exist (NOT_FOUND), and nothing
 * about it (its note, its passage, a count) reaches the queue, the audit log,
 * a notice or a reporter's list. A note its author made private after it was
 * reported leaves moderation the same way.
 */
export const PUBLIC_NOTE = { visibility: "PUBLIC", deletedAt: null, note: { not: null } } as const satisfies Prisma.HighlightWhereInput;
