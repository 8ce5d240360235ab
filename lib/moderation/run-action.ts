import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { ModerationActionInput, ModerationActionName, ModerationActionOf } from "./actions";
import { approveComments } from "./approve-comments";
import { decideAppeal } from "./decide-appeal";
import { hideComments } from "./hide-comments";
import { setStaffRole } from "./moderator-role";
import { moderateNotes } from "./note-actions";
import { pinComments } from "./pin-comments";
import { purgeComments } from "./purge-comments";
import { restoreComments } from "./restore-comments";
import { banUser, liftSanction, suspendUser } from "./sanction-user";
import { updateEssaySettings, updateSiteSettings } from "./settings";
import { lockThreads, slowThreads } from "./thread-controls";

type Runner<K extends ModerationActionName> = (actor: Viewer | null, input: ModerationActionOf<K>) => Promise<unknown>;

/**
 * How each action in MODERATION_ACTIONS (actions.ts) is carried out. The
 * mapped type makes a missing or misspelt action a type error. Each
 * operation checks the actor's role against the table itself, so this is
 * routing, never the protection.
 */
const RUNNERS: { [K in ModerationActionName]: Runner<K> } = {
  approve: (actor, input) => approveComments(actor, input.commentIds, input.reason || null),
  hide: (actor, input) => hideComments(actor, input.commentIds, input.reason),
  restore: (actor, input) => restoreComments(actor, input.commentIds, input.reason || null),
  purge: (actor, input) => purgeComments(actor, input.commentIds, input.reason),
  "lock-thread": (actor, input) => lockThreads(actor, input.commentIds, true, input.reason || null),
  "unlock-thread": (actor, input) => lockThreads(actor, input.commentIds, false, input.reason || null),
  "slow-thread": (actor, input) => slowThreads(actor, input.commentIds, input.seconds, input.reason || null),
  pin: (actor, input) => pinComments(actor, input.commentIds, true, input.reason || null),
  unpin: (actor, input) => pinComments(actor, input.commentIds, false, input.reason || null),
  "hide-note": (actor, input) => moderateNotes(actor, "hide-note", input.highlightIds, input.reason),
  "restore-note": (actor, input) => moderateNotes(actor, "restore-note", input.highlightIds, input.reason || null),
  "dismiss-note-reports": (actor, input) => moderateNotes(actor, "dismiss-note-reports", input.highlightIds, input.reason || null),
  suspend: (actor, input) => suspendUser(actor, input.userId, input.days, input.reason),
  ban: (actor, input) => banUser(actor, input.userId, input.reason),
  "lift-sanction": (actor, input) => liftSanction(actor, input.userId, input.reason || null),
  "grant-appeal": (actor, input) => decideAppeal(actor, input.appealId, "grant", input.reason || null),
  "deny-appeal": (actor, input) => decideAppeal(actor, input.appealId, "deny", input.reason),
  "essay-settings": (actor, { action: _action, essayId, reason, ...changes }) => updateEssaySettings(actor, essayId, changes, reason || null),
  "site-settings": (actor, { action: _action, reason, ...changes }) => updateSiteSettings(actor, changes, reason || null),
  "grant-moderator": (actor, input) => setStaffRole(actor, input.handle, "MODERATOR", true, input.reason || null),
  "revoke-moderator": (actor, input) => setStaffRole(actor, input.handle, "MODERATOR", false, input.reason || null),
  "grant-editor": (actor, input) => setStaffRole(actor, input.handle, "EDITOR", true, input.reason || null),
  "revoke-editor": (actor, input) => setStaffRole(actor, input.handle, "EDITOR", false, input.reason || null),
};

/** Runs one moderation action (the body of POST /api/moderation/actions). */
export function runModerationAction(actor: Viewer | null, input: ModerationActionInput): Promise<unknown> {
  return (RUNNERS[input.action] as Runner<typeof input.action>)(actor, input);
}
