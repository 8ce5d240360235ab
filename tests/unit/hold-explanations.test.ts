import { describe, expect, it } from "vitest";
import { describeReviewWait, explainHolds, hasExplanation } from "@/lib/moderation/hold-explanations";
import { COMMENT_PHASES } from "@/lib/moderation/phases";
import type { CommentContext } from "@/lib/moderation/pipeline";

const now = new Date("2026-12-07T08:00:00Z");

/** A comment every phase accepts, to vary one fact at a time. */
function context(overrides: Partial<CommentContext> = {}): CommentContext {
  return {
    body: "A fair reading of the second paragraph.",
    author: { createdAt: new Date("2026-01-01"), publishedComments: 50, emailVerified: true, trustLevel: 2 },
    essay: { commentsOpen: true, preModeration: "OFF", preModerationThreshold: 3 },
    thread: null,
    settings: { bannedWords: [], suspectWords: ["scam"], exactMatchWords: [], requireVerifiedEmail: false },
    duplicateOfRecent: false,
    isEdit: false,
    now,
    ...overrides,
  };
}

/** Every reason the phases hold a comment for, found by running them on comments made to be held. */
function holdReasons(): string[] {
  const held = [
    context({ body: "This is a scam, plainly." }),
    context({ body: "See https://example.com", author: { createdAt: new Date(now.getTime() - 3_600_000), publishedComments: 0, emailVerified: true, trustLevel: 0 } }),
    context({ essay: { commentsOpen: true, preModeration: "ALL", preModerationThreshold: 3 } }),
    context({
      essay: { commentsOpen: true, preModeration: "NEW_ACCOUNTS", preModerationThreshold: 3 },
      author: { createdAt: new Date("2026-01-01"), publishedComments: 0, emailVerified: true, trustLevel: 0 },
    }),
    context({ passage: { locked: false, lockReason: null, preModerate: true } }),
  ];
  const reasons = new Set<string>();
  for (const item of held) {
    for (const phase of COMMENT_PHASES) {
      const outcome = phase.run(item);
      if (outcome.action === "hold") reasons.add(outcome.reason);
    }
  }
  return [...reasons];
}

describe("a held comment's author is told why", () => {
  it("every reason the phases hold for has its own words", () => {
    const reasons = holdReasons();
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    for (const reason of reasons) expect(hasExplanation(reason), reason).toBe(true);
  });

  it("says why for links from new accounts, and something honest for a reason it does not know", () => {
    expect(explainHolds(["Links from new accounts are reviewed first.", "A link from a new account."])).toEqual(["Links from new accounts are reviewed first."]);
    expect(explainHolds(["A reason from an older version."])).toEqual(["Some comments are reviewed by a moderator before they appear."]);
    expect(explainHolds([])).toHaveLength(1);
  });

  it("says roughly how long review takes, from the measured median", () => {
    expect(describeReviewWait(null)).toMatch(/less than a day/);
    expect(describeReviewWait(20 * 60)).toMatch(/less than an hour/);
    expect(describeReviewWait(3 * 3600)).toBe("Review usually takes about 3 hours.");
    expect(describeReviewWait(2 * 86_400)).toBe("Review usually takes about 2 days.");
  });
});
