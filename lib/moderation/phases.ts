import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { passagePhase } from "./passage-phase";
import type { CommentContext, Phase, PhaseOutcome } from "./pipeline";
import { findListedWords } from "./word-rules";

const accept: PhaseOutcome = { action: "accept" };

/** What an unconfirmed reader is told when the site requires a confirmed address to publish. */
export function unconfirmedEmailReason(what: string): string {
  return `Confirm your email address before you ${what}: open the link we mailed you, or send a new one from your settings.`;
}

/** 1. The author's address is confirmed, where the site's settings require it (they may read and highlight privately until then). */
export const confirmedEmailPhase: Phase = {
  name: "confirmed-email",
  run: ({ author, settings }) => (settings.requireVerifiedEmail && !author.emailVerified ? { action: "reject", kind: "closed", reason: unconfirmedEmailReason("comment") } : accept),
};

/** 2. Length: not empty, at most MAX_COMMENT_LENGTH characters (the schema says the same at the boundary; this phase also judges edits). */
export const lengthPhase: Phase = {
  name: "length",
  run: ({ body }) =>
    !body.trim()
      ? { action: "reject", kind: "invalid", reason: "Write your comment first." }
      : body.length > MAX_COMMENT_LENGTH
        ? { action: "reject", kind: "invalid", reason: `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.` }
        : accept,
};

/** 3. The essay accepts comments and the thread is not locked. */
export const openPhase: Phase = {
  name: "open",
  run: ({ essay, thread }) =>
    !essay.commentsOpen
      ? { action: "reject", kind: "closed", reason: "Comments are closed on this essay." }
      : thread?.locked
        ? { action: "reject", kind: "closed", reason: "This thread is locked: no new replies." }
        : accept,
};

/** 4. Banned words, also in disguise unless listed as exact (./word-rules.ts): rejected, saying which. */
export const bannedWordsPhase: Phase = {
  name: "banned-words",
  run: ({ body, settings }) => {
    const found = findListedWords(settings, body).banned;
    return found.length ? { action: "reject", kind: "invalid", reason: `Your comment uses a word that is not allowed here: “${found[0]}”. Please rephrase it.` } : accept;
  },
};

/** 5. Suspect words, matched as banned ones are: held for a moderator. */
export const suspectWordsPhase: Phase = {
  name: "suspect-words",
  run: ({ body, settings }) => (findListedWords(settings, body).suspect.length ? { action: "hold", reason: "Contains a word moderators review." } : accept),
};

const LINK = /https?:\/\/|www\.|\]\(/i;

/** Whether a comment has a link: what the trust level is loaded for (lib/comments/pipeline-context.ts). */
export const hasLink = (body: string) => LINK.test(body);

/** 6. Links from new readers (trust level 0, ./trust.ts): held. */
export const newReaderLinksPhase: Phase = {
  name: "new-reader-links",
  run: ({ body, author }) => (author.trustLevel === 0 && hasLink(body) ? { action: "hold", reason: "Links from new accounts are reviewed first." } : accept),
};

/**
 * 7. Duplicates: not the same text twice in five minutes. The pace (one
 * comment per 5 s, and slow mode) is not a phase: it is the limit the writer
 * spends after the verdict, an atomic check-and-count, so reading it here as
 * well cost every comment one more round trip and decided nothing the spend
 * does not (lib/comments/create-comment.ts).
 */
export const duplicatePhase: Phase = {
  name: "duplicate",
  run: ({ duplicateOfRecent, isEdit }) =>
    duplicateOfRecent && !isEdit ? { action: "reject", kind: "flood", reason: "You posted the same text a moment ago. Say something new, or edit your earlier comment." } : accept,
};

/**
 * 8. The essay's pre-moderation setting: everyone's comments, or new
 * accounts' first few, wait for review. "New accounts" are new readers
 * (trust level 0) and anyone with fewer published comments than the essay
 * asks; trusted readers (level 3) skip it.
 */
export const preModerationPhase: Phase = {
  name: "pre-moderation",
  run: ({ essay, author, isEdit }: CommentContext) => {
    if (isEdit || essay.preModeration === "OFF") return accept;
    if (essay.preModeration === "ALL") return { action: "hold", reason: "This essay's comments are reviewed before they appear." };
    if (author.trustLevel === 3) return accept;
    return author.trustLevel === 0 || author.publishedComments < essay.preModerationThreshold ? { action: "hold", reason: "A new account's first comments are reviewed before they appear." } : accept;
  },
};

/** The phases, in the order they run. */
export const COMMENT_PHASES: readonly Phase[] = [
  confirmedEmailPhase,
  lengthPhase,
  openPhase,
  passagePhase,
  bannedWordsPhase,
  suspectWordsPhase,
  newReaderLinksPhase,
  duplicatePhase,
  preModerationPhase,
];
