import { describe, expect, it } from "vitest";
import { runPipeline, type CommentContext } from "@/lib/moderation/pipeline";
import { bannedWordsPhase, COMMENT_PHASES, confirmedEmailPhase, duplicatePhase, lengthPhase, openPhase, newReaderLinksPhase, preModerationPhase, suspectWordsPhase } from "@/lib/moderation/phases";

const NOW = new Date("2026-11-25T12:00:00Z");

function context(overrides: Partial<CommentContext> = {}): CommentContext {
  return {
    body: "A considered reply.",
    isEdit: false,
    now: NOW,
    author: { createdAt: new Date("2026-01-01T00:00:00Z"), publishedComments: 20, emailVerified: true, trustLevel: 2 },
    essay: { commentsOpen: true, preModeration: "OFF", preModerationThreshold: 3 },
    thread: null,
    settings: { bannedWords: ["slur"], suspectWords: ["idiot"], exactMatchWords: [], requireVerifiedEmail: true },
    duplicateOfRecent: false,
    ...overrides,
  };
}

describe("each phase alone", () => {
  it("an unconfirmed address refuses the comment while the site requires one, and only then", () => {
    const unconfirmed = { ...context().author, emailVerified: false };
    expect(confirmedEmailPhase.run(context({ author: unconfirmed }))).toMatchObject({
      action: "reject",
      kind: "closed",
      reason: expect.stringContaining("Confirm your email address before you comment"),
    });
    expect(confirmedEmailPhase.run(context({ author: unconfirmed, settings: { ...context().settings, requireVerifiedEmail: false } }))).toEqual({ action: "accept" });
    expect(confirmedEmailPhase.run(context())).toEqual({ action: "accept" });
  });

  it("length", () => {
    expect(lengthPhase.run(context({ body: "  " }))).toMatchObject({ action: "reject", kind: "invalid" });
    expect(lengthPhase.run(context({ body: "x".repeat(10_001) }))).toMatchObject({ action: "reject", reason: expect.stringContaining("10,000") });
    expect(lengthPhase.run(context({ body: "x".repeat(10_000) }))).toEqual({ action: "accept" });
  });

  it("closed essay and locked thread", () => {
    expect(openPhase.run(context({ essay: { ...context().essay, commentsOpen: false } }))).toMatchObject({ action: "reject", kind: "closed", reason: "Comments are closed on this essay." });
    expect(openPhase.run(context({ thread: { locked: true } }))).toMatchObject({ action: "reject", kind: "closed", reason: expect.stringContaining("locked") });
    expect(openPhase.run(context({ thread: { locked: false } }))).toEqual({ action: "accept" });
  });

  it("banned words reject, saying which; only whole words count, in disguise too (tests/unit/word-rules.test.ts)", () => {
    expect(bannedWordsPhase.run(context({ body: "That is a SLUR, plainly." }))).toMatchObject({ action: "reject", reason: expect.stringContaining("“slur”") });
    expect(bannedWordsPhase.run(context({ body: "That is an s l u r." }))).toMatchObject({ action: "reject", reason: expect.stringContaining("“slur”") });
    expect(bannedWordsPhase.run(context({ body: "Slurry is a farm word." }))).toEqual({ action: "accept" });
    const exact = { ...context().settings, exactMatchWords: ["slur"] };
    expect(bannedWordsPhase.run(context({ body: "That is an s l u r.", settings: exact }))).toEqual({ action: "accept" });
  });

  it("suspect words hold", () => {
    expect(suspectWordsPhase.run(context({ body: "Only an idiot would say so." }))).toMatchObject({ action: "hold" });
  });

  it("links from new readers (trust level 0) hold, saying why", () => {
    const newcomer = { createdAt: new Date(NOW.getTime() - 3_600_000), publishedComments: 0, emailVerified: true, trustLevel: 0 as const };
    expect(newReaderLinksPhase.run(context({ body: "See https://example.com", author: newcomer }))).toEqual({ action: "hold", reason: "Links from new accounts are reviewed first." });
    expect(newReaderLinksPhase.run(context({ body: "See https://example.com", author: { ...newcomer, trustLevel: 1 } }))).toEqual({ action: "accept" });
    expect(newReaderLinksPhase.run(context({ body: "See https://example.com" }))).toEqual({ action: "accept" });
    expect(newReaderLinksPhase.run(context({ body: "No link here.", author: newcomer }))).toEqual({ action: "accept" });
  });

  it("duplicates reject new comments but not edits", () => {
    expect(duplicatePhase.run(context({ duplicateOfRecent: true }))).toMatchObject({ action: "reject", reason: expect.stringContaining("same text") });
    expect(duplicatePhase.run(context({ duplicateOfRecent: true, isEdit: true }))).toEqual({ action: "accept" });
  });

  it("pre-moderation holds everyone's, or new accounts' first comments", () => {
    expect(preModerationPhase.run(context({ essay: { ...context().essay, preModeration: "ALL" } }))).toMatchObject({ action: "hold" });
    const newAccounts = { ...context().essay, preModeration: "NEW_ACCOUNTS" as const };
    const newcomer = { createdAt: NOW, publishedComments: 1, emailVerified: true, trustLevel: 1 as const };
    expect(preModerationPhase.run(context({ essay: newAccounts, author: newcomer }))).toMatchObject({ action: "hold" });
    expect(preModerationPhase.run(context({ essay: newAccounts }))).toEqual({ action: "accept" });
    // A new reader (level 0) is held whatever their count; a trusted one (level 3) never.
    expect(preModerationPhase.run(context({ essay: newAccounts, author: { ...context().author, trustLevel: 0 } }))).toMatchObject({ action: "hold" });
    expect(preModerationPhase.run(context({ essay: newAccounts, author: { ...newcomer, trustLevel: 3 } }))).toEqual({ action: "accept" });
  });
});

describe("the pipeline", () => {
  it("runs the phases in order", () => {
    expect(COMMENT_PHASES.map((phase) => phase.name)).toEqual(["confirmed-email", "length", "open", "passage", "banned-words", "suspect-words", "new-reader-links", "duplicate", "pre-moderation"]);
  });

  it("stops at the first rejection", () => {
    const result = runPipeline(COMMENT_PHASES, context({ body: "slur", essay: { ...context().essay, commentsOpen: false } }));
    expect(result).toMatchObject({ action: "reject", phase: "open" });
  });

  it("collects every hold reason, and publishes when nothing objects", () => {
    const result = runPipeline(
      COMMENT_PHASES,
      context({ body: "idiot, see https://x.example", author: { createdAt: NOW, publishedComments: 0, emailVerified: true, trustLevel: 0 }, essay: { ...context().essay, preModeration: "ALL" } }),
    );
    expect(result).toMatchObject({ action: "hold" });
    expect((result as { reasons: string[] }).reasons).toHaveLength(3);
    expect(runPipeline(COMMENT_PHASES, context())).toEqual({ action: "publish" });
  });
});
