import type { Role } from "@/lib/generated/prisma/client";

/**
 * Every moderation action and the least role that may take it. The
 * authorisation matrix test is generated from this table, so an action added
 * here is tested for every kind of actor without anyone remembering to.
 */
export const MODERATION_PERMISSIONS = {
  approve: "MODERATOR",
  hide: "MODERATOR",
  restore: "MODERATOR",
  purge: "ADMIN",
  "lock-thread": "MODERATOR",
  "unlock-thread": "MODERATOR",
  "slow-thread": "MODERATOR",
  pin: "MODERATOR",
  unpin: "MODERATOR",
  "hide-note": "MODERATOR",
  "restore-note": "MODERATOR",
  "dismiss-note-reports": "MODERATOR",
  suspend: "MODERATOR",
  ban: "MODERATOR",
  "lift-sanction": "MODERATOR",
  "essay-settings": "MODERATOR",
  "site-settings": "ADMIN",
  "grant-moderator": "ADMIN",
  "revoke-moderator": "ADMIN",
} as const satisfies Record<string, Role>;

/** A moderation action's name. */
export type ModerationActionName = keyof typeof MODERATION_PERMISSIONS;

/** The names, for schemas and tests. */
export const MODERATION_ACTION_NAMES = Object.keys(MODERATION_PERMISSIONS) as [ModerationActionName, ...ModerationActionName[]];
