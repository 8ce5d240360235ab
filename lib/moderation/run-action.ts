import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { approveComments } from "./approve-comments";
import { hideComments } from "./hide-comments";
import { setModerator } from "./moderator-role";
import { moderateNotes } from "./note-actions";
import { pinComments } from "./pin-comments";
import { purgeComments } from "./purge-comments";
import { restoreComments } from "./restore-comments";
import { banUser, liftSanction, suspendUser } from "./sanction-user";
import type { ModerationActionInput } from "./schemas";
import { updateEssaySettings, updateSiteSettings } from "./settings";
import { lockThreads, slowThreads } from "./thread-controls";

/**
 * Runs one moderation action (the body of POST /api/moderation/actions).
 * Each operation checks the actor's role itself, so this switch is routing,
 * never the protection.
 */
export async function runModerationAction(actor: Viewer | null, input: ModerationActionInput): Promise<unknown> {
  const reason = input.reason || null;
  switch (input.action) {
    case "approve":
      return approveComments(actor, input.commentIds, reason);
    case "hide":
      return hideComments(actor, input.commentIds, input.reason);
    case "restore":
      return restoreComments(actor, input.commentIds, reason);
    case "purge":
      return purgeComments(actor, input.commentIds, input.reason);
    case "lock-thread":
    case "unlock-thread":
      return lockThreads(actor, input.commentIds, input.action === "lock-thread", reason);
    case "slow-thread":
      return slowThreads(actor, input.commentIds, input.seconds, reason);
    case "pin":
    case "unpin":
      return pinComments(actor, input.commentIds, input.action === "pin", reason);
    case "hide-note":
    case "restore-note":
    case "dismiss-note-reports":
      return moderateNotes(actor, input.action, input.highlightIds, reason);
    case "suspend":
      return suspendUser(actor, input.userId, input.days, input.reason);
    case "ban":
      return banUser(actor, input.userId, input.reason);
    case "lift-sanction":
      return liftSanction(actor, input.userId, reason);
    case "essay-settings": {
      const { action: _action, essayId, reason: _reason, ...changes } = input;
      return updateEssaySettings(actor, essayId, changes, reason);
    }
    case "site-settings": {
      const { action: _action, reason: _reason, ...changes } = input;
      return updateSiteSettings(actor, changes, reason);
    }
    case "grant-moderator":
    case "revoke-moderator":
      return setModerator(actor, input.handle, input.action === "grant-moderator", reason);
  }
}
