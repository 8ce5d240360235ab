import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { placePassageControl } from "./place-passage-control";
import type { ControlPassageInput } from "./schemas";
import type { PassageControlView } from "./view";

/**
 * A moderator locks, slows, pre-moderates or closes to new highlights one
 * passage: every thread on a highlight overlapping it, those there now and
 * those started later, follows it (the comment pipeline's passage phase and
 * slow mode, lib/passages/comment-facts.ts; new highlights,
 * lib/highlights/create-highlight.ts). The reason is shown to readers.
 */
export async function controlPassage(actor: Viewer | null, essayId: string, input: ControlPassageInput): Promise<PassageControlView> {
  assertRole(actor, "MODERATOR");
  const { locked, slowModeSeconds, preModerate, highlightsClosed } = input;
  return placePassageControl(actor, essayId, input, { locked, slowModeSeconds, preModerate, highlightsClosed, reason: input.reason || null }, "control-passage");
}
