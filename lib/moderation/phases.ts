import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { passagePhase } from "./passage-phase";
import type { CommentContext, Phase, PhaseOutcome } from "./pipeline";

const accept: PhaseOutcome = { action: "accept" };

function wordsIn(body: string, list: readonly string[]): string[] {
  const lowered = body.toLowerCase();
  return list.filter(
    (word) =>
      word.trim() &&
      new RegExp(
        `(^|[^\\p{L}\\p{N}])${word
          .trim()
          .toLowerCase()
          .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}\\p{N}])`,
        "u",
      ).test(lowered),
  );
}

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

/** 4. Banned words: rejected, saying which. */
export const bannedWordsPhase: Phase = {
  name: "banned-words",
  run: ({ body, settings }) => {
    const found = wordsIn(body, settings.bannedWords);
    return found.length ? { action: "reject", kind: "invalid", reason: `Your comment uses a word that is not allowed here: “${found[0]}”. Please rephrase it.` } : accept;
  },
};

/** 5. Suspect words: held for a moderator. */
export const suspectWordsPhase: Phase = {
  name: "suspect-words",
  run: ({ body, settings }) => (wordsIn(body, settings.suspectWords).length ? { action: "hold", reason: "Contains a word moderators review." } : accept),
};

const LINK = /https?:\/\/|www\.|\]\(/i;

/** 6. Links from accounts younger than the configured age: held. */
export const youngAccountLinksPhase: Phase = {
  name: "young-account-links",
  run: ({ body, author, settings, now }) => {
    const ageHours = (now.getTime() - author.createdAt.getTime()) / 3_600_000;
    return LINK.test(body) && ageHours < settings.linkMinAccountAgeHours ? { action: "hold", reason: "A link from a new account." } : accept;
  },
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

/** 8. The essay's pre-moderation setting: everyone's comments, or new accounts' first few, wait for review. */
export const preModerationPhase: Phase = {
  name: "pre-moderation",
  run: ({ essay, author, isEdit }: CommentContext) => {
    if (isEdit || essay.preModeration === "OFF") return accept;
    if (essay.preModeration === "ALL") return { action: "hold", reason: "This essay's comments are reviewed before they appear." };
    return author.publishedComments < essay.preModerationThreshold ? { action: "hold", reason: "A new account's first comments are reviewed before they appear." } : accept;
  },
};

/** The phases, in the order they run. */
export const COMMENT_PHASES: readonly Phase[] = [confirmedEmailPhase, lengthPhase, openPhase, passagePhase, bannedWordsPhase, suspectWordsPhase, youngAccountLinksPhase, duplicatePhase, preModerationPhase];
