/**
 * The comment pipeline, after Coral Talk: every new or edited comment passes
 * an ordered list of small phases, each of which accepts it, holds it for
 * review or rejects it with a reason. A rejection stops the pipeline; holds
 * accumulate. Phases are pure given their context (./phases.ts), so each is
 * tested alone and the order is tested as a whole.
 */

import type { TrustLevel } from "./trust";

/** Everything the phases judge a comment by, gathered before the pipeline runs. */
export interface CommentContext {
  body: string;
  isEdit: boolean;
  now: Date;
  /** `trustLevel` (./trust.ts) is loaded only when a phase needs it (a link, or an essay pre-moderating new accounts): absent or null otherwise. */
  author: { createdAt: Date; publishedComments: number; emailVerified: boolean; trustLevel?: TrustLevel | null };
  essay: { commentsOpen: boolean; preModeration: "OFF" | "ALL" | "NEW_ACCOUNTS"; preModerationThreshold: number };
  thread: { locked: boolean } | null;
  /** The moderators' controls on the passage the comment is on (lib/passages), combined; absent when it is on none. */
  passage?: { locked: boolean; lockReason: string | null; preModerate: boolean } | null;
  settings: { bannedWords: string[]; suspectWords: string[]; exactMatchWords: string[]; requireVerifiedEmail: boolean };
  /** The author wrote the same text within the duplicate window. */
  duplicateOfRecent: boolean;
}

/** What a phase decides. */
export type PhaseOutcome = { action: "accept" } | { action: "hold"; reason: string } | { action: "reject"; reason: string; kind: "invalid" | "closed" | "flood" };

/** One step of the pipeline. */
export interface Phase {
  name: string;
  run(context: CommentContext): PhaseOutcome;
}

/** The pipeline's verdict: publish, or hold with reasons; or the first rejection. */
export type PipelineResult = { action: "publish" } | { action: "hold"; reasons: string[] } | { action: "reject"; phase: string; reason: string; kind: "invalid" | "closed" | "flood" };

/** Runs `phases` in order over `context`. */
export function runPipeline(phases: readonly Phase[], context: CommentContext): PipelineResult {
  const reasons: string[] = [];
  for (const phase of phases) {
    const outcome = phase.run(context);
    if (outcome.action === "reject") return { action: "reject", phase: phase.name, reason: outcome.reason, kind: outcome.kind };
    if (outcome.action === "hold") reasons.push(outcome.reason);
  }
  return reasons.length ? { action: "hold", reasons } : { action: "publish" };
}
