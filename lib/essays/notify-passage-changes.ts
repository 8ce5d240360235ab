import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReanchorOutcome } from "@/lib/highlights/plan-reanchor";
import type { DiffPart } from "./diff-words";

/**
 * Tells readers that a revision changed or removed a passage they are
 * invested in: the highlight's owner, and everyone who wrote in a thread on
 * it (a private highlight has no threads but its owner's). Passages whose
 * words did not change (they stayed or only moved) notify nobody, and nor
 * does an orphan that was already one. Each notice carries the word-level
 * diff, or the removed words. Written in the revision's transaction.
 */
export async function notifyPassageChanges(tx: Prisma.TransactionClient, plan: readonly ReanchorOutcome[], context: { essayId: string; title: string; editorId: string }): Promise<number> {
  const affected = plan.filter((outcome) => outcome.kind === "changes" || (outcome.kind === "orphaned" && !outcome.already));
  if (affected.length === 0) return 0;
  const ids = affected.map((outcome) => outcome.id);
  // One after the other: a transaction's queries share one connection.
  const owners = await tx.highlight.findMany({ where: { id: { in: ids } }, select: { id: true, authorId: true } });
  const participants = await tx.comment.findMany({
    where: { highlightId: { in: ids }, deletedAt: null, authorId: { not: null } },
    select: { highlightId: true, authorId: true },
    distinct: ["highlightId", "authorId"],
  });
  const ownerOf = new Map(owners.map((row) => [row.id, row.authorId]));
  const rows: { userId: string; highlightId: string; message: string; diff: string }[] = [];
  for (const outcome of affected) {
    const removed = outcome.kind === "orphaned";
    const diff: DiffPart[] = outcome.kind === "changes" ? outcome.diff : [{ op: "removed", text: outcome.before }];
    const what = removed ? "was removed from" : "changed in";
    const owner = ownerOf.get(outcome.id);
    const recipients = new Map<string, string>();
    if (owner) recipients.set(owner, `The passage you highlighted ${what} “${context.title}”.`);
    for (const participant of participants) {
      if (participant.highlightId !== outcome.id || recipients.has(participant.authorId!)) continue;
      recipients.set(participant.authorId!, `The passage of a discussion you took part in ${what} “${context.title}”.`);
    }
    recipients.delete(context.editorId);
    const serialised = JSON.stringify(diff);
    for (const [userId, message] of recipients) rows.push({ userId, highlightId: outcome.id, message, diff: serialised });
  }
  if (rows.length > 0) {
    // One statement over arrays: as createMany, 2,345 notices held the event loop for about a second (bench:revisions).
    await tx.$executeRaw`
      INSERT INTO "Notification" ("userId", kind, "essayId", "highlightId", message, "passageDiff", "mailState", "createdAt")
      SELECT n."userId", 'PASSAGE_CHANGED'::"NotificationKind", ${context.essayId}, n."highlightId", n.message, n.diff, 'SKIPPED'::"NotificationMailState", now() AT TIME ZONE 'UTC'
      FROM unnest(${rows.map((row) => row.userId)}::text[], ${rows.map((row) => row.highlightId)}::text[], ${rows.map((row) => row.message)}::text[], ${rows.map((row) => row.diff)}::jsonb[])
        AS n("userId", "highlightId", message, diff)`;
  }
  return rows.length;
}
