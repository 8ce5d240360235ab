import "server-only";
import { assertRole, hasRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordModerationAction } from "./audit";
import { notifyAuthor } from "./notify";
import { MODERATION_PERMISSIONS } from "./actions";

const DAY_MS = 24 * 3600 * 1000;

const standingSelect = { id: true, handle: true, role: true, standing: true, suspendedUntil: true, sessionVersion: true, deletedAt: true } satisfies Prisma.UserSelect;

/** The account to sanction, refusing oneself and anyone of the actor's rank or above. */
async function sanctionable(tx: Prisma.TransactionClient, actor: Viewer, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: standingSelect });
  if (!user || user.deletedAt) throw new AppError("NOT_FOUND", "That account does not exist.");
  if (user.id === actor.id) throw new AppError("FORBIDDEN", "You cannot sanction your own account.");
  if (hasRole(user, actor.role)) throw new AppError("FORBIDDEN", "Only an admin can sanction a moderator, and nobody can sanction an admin here.");
  return user;
}

function standingOf(user: { standing: string; suspendedUntil: Date | null }) {
  return { standing: user.standing, suspendedUntil: user.suspendedUntil?.toISOString() ?? null };
}

/**
 * Suspends an account for `days`: its owner can read but not write until
 * then, and is told why and until when. Takes effect at their next request.
 */
export async function suspendUser(actor: Viewer | null, userId: string, days: number, reason: string): Promise<{ until: Date }> {
  assertRole(actor, MODERATION_PERMISSIONS.suspend);
  const until = new Date(Date.now() + days * DAY_MS);
  await db.$transaction(async (tx) => {
    const user = await sanctionable(tx, actor, userId);
    if (user.standing === "BANNED") throw new AppError("CONFLICT", "That account is banned; lift the ban first to suspend it instead.");
    await tx.user.update({ where: { id: userId }, data: { standing: "SUSPENDED", suspendedUntil: until } });
    await tx.sanction.create({ data: { userId, kind: "SUSPENSION", reason, endsAt: until, issuedById: actor.id } });
    await recordModerationAction(tx, actor, {
      action: "suspend",
      targetType: "user",
      targetId: userId,
      reason,
      before: standingOf(user),
      after: standingOf({ standing: "SUSPENDED", suspendedUntil: until }),
    });
    await notifyAuthor(tx, userId, `Your account is suspended until ${until.toUTCString()}: you can read, but not write. Reason: ${reason}`);
  });
  return { until };
}

/**
 * Bans an account: its sessions end at their next request (the session
 * version moves on), it cannot sign in or write, and its new content stops.
 */
export async function banUser(actor: Viewer | null, userId: string, reason: string): Promise<void> {
  assertRole(actor, MODERATION_PERMISSIONS.ban);
  await db.$transaction(async (tx) => {
    const user = await sanctionable(tx, actor, userId);
    await tx.user.update({ where: { id: userId }, data: { standing: "BANNED", suspendedUntil: null, sessionVersion: { increment: 1 } } });
    await tx.sanction.create({ data: { userId, kind: "BAN", reason, issuedById: actor.id } });
    await recordModerationAction(tx, actor, { action: "ban", targetType: "user", targetId: userId, reason, before: standingOf(user), after: standingOf({ standing: "BANNED", suspendedUntil: null }) });
    await notifyAuthor(tx, userId, `Your account is banned. Reason: ${reason}`);
  });
}

/**
 * Lifts an account's suspension or ban in the caller's transaction: its
 * standing is active again and its sanctions are marked lifted. An appeal
 * still waiting on one of them is answered by the lifting (granted), so it
 * does not linger in the queue. Returns the standing before and after, for
 * the caller's audit record; the caller tells the reader.
 */
export async function liftSanctionIn(tx: Prisma.TransactionClient, actor: Viewer, userId: string, reason: string | null) {
  const user = await sanctionable(tx, actor, userId);
  if (user.standing === "ACTIVE") throw new AppError("CONFLICT", "That account has no sanction to lift.");
  const now = new Date();
  await tx.user.update({ where: { id: userId }, data: { standing: "ACTIVE", suspendedUntil: null } });
  await tx.appeal.updateMany({
    where: { userId, status: "OPEN", sanction: { liftedAt: null } },
    data: { status: "GRANTED", decidedById: actor.id, decidedAt: now, decisionNote: reason ?? "A moderator lifted the sanction." },
  });
  await tx.sanction.updateMany({ where: { userId, liftedAt: null }, data: { liftedAt: now, liftedById: actor.id } });
  return { before: standingOf(user), after: standingOf({ standing: "ACTIVE", suspendedUntil: null }) };
}

/** Lifts an account's suspension or ban. */
export async function liftSanction(actor: Viewer | null, userId: string, reason: string | null = null): Promise<void> {
  assertRole(actor, MODERATION_PERMISSIONS["lift-sanction"]);
  await db.$transaction(async (tx) => {
    const { before, after } = await liftSanctionIn(tx, actor, userId, reason);
    await recordModerationAction(tx, actor, { action: "lift-sanction", targetType: "user", targetId: userId, reason, before, after });
    await notifyAuthor(tx, userId, "A moderator lifted the sanction on your account: you can write again.");
  });
}
