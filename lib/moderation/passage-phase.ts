import { lockedMessage, PRE_MODERATED_MESSAGE } from "@/lib/passages/view";
import type { Phase } from "./pipeline";

/**
 * 3b. The passage the comment is on (its thread's highlight, or the passage
 * it starts a thread on), as the moderators' passage controls leave it: a
 * locked passage takes no new comments, saying why; a pre-moderated one
 * holds them. Its slow mode is not a phase: like the essay's and the
 * thread's, it is the limit the writer spends after the verdict.
 */
export const passagePhase: Phase = {
  name: "passage",
  run: ({ passage, isEdit }) => {
    if (!passage || isEdit) return { action: "accept" };
    if (passage.locked) return { action: "reject", kind: "closed", reason: lockedMessage(passage.lockReason) };
    return passage.preModerate ? { action: "hold", reason: PRE_MODERATED_MESSAGE } : { action: "accept" };
  },
};
