import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { MODERATION_PERMISSIONS } from "./actions";
import { recordModerationAction } from "./audit";
import { liftSanctionIn } from "./sanction-user";

const WHAT = { BAN: "ban", SUSPENSION: "suspension" } as const;

/** What the reader is told of the decision, in the notice and the mail. */
function outcomeMessage(decision: "grant" | "deny", kind: "BAN" | "SUSPENSION", lifted: boolean, note: string | null): string {
  const answer = note ? ` The moderator's answer: ${note}` : "";
  if (decision === "deny") return `A moderator reviewed your appeal and kept the ${WHAT[kind]} on your account.${answer}`;
  const now = lifted ? (kind === "BAN" ? " The ban is lifted: you can sign in and write again." : " The suspension is lifted: you can write again.") : "";
  return `A moderator granted your appeal.${now}${answer}`;
}

/**
 * A moderator decides an appeal. Granting it lifts the sanction it is
 * against, if that is still in force, with the same logic as lifting it from
 * the queue (`liftSanctionIn`); denying keeps it. Either way the appeal
 * records who decided, when and what they answered, the decision is
 * audited against the reader's account, and the reader is told
 * (APPEAL_OUTCOME: on the site, and mailed even while banned, since a banned
 * reader may never come back to read it; lib/notifications/mail-decision.ts).
 * The appeal row is locked, so two moderators cannot both decide it.
 */
export async function decideAppeal(actor: Viewer | null, appealId: string, decision: "grant" | "deny", note: string | null): Promise<{ status: "GRANTED" | "DENIED" }> {
  const action = decision === "grant" ? "grant-appeal" : "deny-appeal";
  assertRole(actor, MODERATION_PERMISSIONS[action]);
  // The schema says so at the boundary; a denial without a reason would leave the reader with nothing, however it is called.
  if (decision === "deny" && !note?.trim()) throw new AppError("VALIDATION", "Say why the appeal is denied: the reader will read it.");
  const status = decision === "grant" ? "GRANTED" : "DENIED";
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Appeal" WHERE id = ${appealId} FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", "That appeal does not exist.");
    const appeal = await tx.appeal.findUniqueOrThrow({
      where: { id: appealId },
      select: { status: true, userId: true, sanction: { select: { id: true, kind: true, liftedAt: true, endsAt: true } } },
    });
    if (appeal.userId === actor.id) throw new AppError("FORBIDDEN", "You cannot decide your own appeal.");
    if (appeal.status !== "OPEN") throw new AppError("CONFLICT", "That appeal has already been decided.");
    const now = new Date();
    await tx.appeal.update({ where: { id: appealId }, data: { status, decidedById: actor.id, decidedAt: now, decisionNote: note } });
    const inForce = appeal.sanction.liftedAt === null && (appeal.sanction.endsAt === null || appeal.sanction.endsAt > now);
    const lifted = decision === "grant" && inForce ? await liftSanctionIn(tx, actor, appeal.userId, note) : null;
    await recordModerationAction(tx, actor, {
      action,
      targetType: "user",
      targetId: appeal.userId,
      reason: note,
      before: { appeal: appealId, sanction: appeal.sanction.id, kind: appeal.sanction.kind, status: "OPEN", ...(lifted ? { standing: lifted.before } : {}) },
      after: { status, ...(lifted ? { standing: lifted.after } : {}) },
    });
    await tx.notification.create({ data: { userId: appeal.userId, kind: "APPEAL_OUTCOME", message: outcomeMessage(decision, appeal.sanction.kind, lifted !== null, note) } });
  });
  // The mailer decides the notice now rather than at its next poll.
  wakeOutbox();
  return { status };
}
