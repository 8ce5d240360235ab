import { describe, expect, it } from "vitest";
import { DEFAULT_TRUST_RULES, nextLevelNeeds, reportAccuracy, trustLevel, trustRulesFrom, type TrustFacts } from "@/lib/moderation/trust";

const NOW = new Date("2026-12-07T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const reader = (overrides: Partial<TrustFacts> = {}): TrustFacts => ({
  role: "READER",
  createdAt: daysAgo(0.5),
  publishedComments: 0,
  upheldAgainst: 0,
  reportsUpheld: 0,
  reportsDismissed: 0,
  ...overrides,
});

describe("trust levels", () => {
  it("a new account is level 0; a day and one published comment make it basic", () => {
    expect(trustLevel(reader(), DEFAULT_TRUST_RULES, NOW)).toBe(0);
    expect(trustLevel(reader({ publishedComments: 5 }), DEFAULT_TRUST_RULES, NOW)).toBe(0);
    expect(trustLevel(reader({ createdAt: daysAgo(2) }), DEFAULT_TRUST_RULES, NOW)).toBe(0);
    expect(trustLevel(reader({ createdAt: daysAgo(2), publishedComments: 1 }), DEFAULT_TRUST_RULES, NOW)).toBe(1);
  });

  it("member and trusted need more history, few upheld reports against, and helpful reports", () => {
    const member = reader({ createdAt: daysAgo(20), publishedComments: 12, upheldAgainst: 1 });
    expect(trustLevel(member, DEFAULT_TRUST_RULES, NOW)).toBe(2);
    expect(trustLevel({ ...member, upheldAgainst: 2 }, DEFAULT_TRUST_RULES, NOW)).toBe(1);
    const veteran = reader({ createdAt: daysAgo(90), publishedComments: 80, reportsUpheld: 3 });
    expect(trustLevel(veteran, DEFAULT_TRUST_RULES, NOW)).toBe(3);
    expect(trustLevel({ ...veteran, reportsUpheld: 2 }, DEFAULT_TRUST_RULES, NOW)).toBe(2);
    expect(trustLevel({ ...veteran, upheldAgainst: 1 }, DEFAULT_TRUST_RULES, NOW)).toBe(2);
  });

  it("levels are earned in order: a lower level's requirement failing caps the level", () => {
    const rules = { ...DEFAULT_TRUST_RULES, basic: { ...DEFAULT_TRUST_RULES.basic, maxUpheldAgainst: 0 } };
    expect(trustLevel(reader({ createdAt: daysAgo(90), publishedComments: 80, reportsUpheld: 3, upheldAgainst: 1 }), { ...rules, trusted: { ...rules.trusted, maxUpheldAgainst: 5 } }, NOW)).toBe(0);
  });

  it("staff are trusted", () => {
    expect(trustLevel(reader({ role: "MODERATOR" }), DEFAULT_TRUST_RULES, NOW)).toBe(3);
  });

  it("says what the next level needs", () => {
    expect(nextLevelNeeds(reader(), DEFAULT_TRUST_RULES, NOW)).toEqual(["an account 1 day older", "1 more published comment"]);
    expect(nextLevelNeeds(reader({ createdAt: daysAgo(61), publishedComments: 50 }), DEFAULT_TRUST_RULES, NOW)).toEqual(["3 more reports a moderator upholds"]);
    expect(nextLevelNeeds(reader({ role: "ADMIN" }), DEFAULT_TRUST_RULES, NOW)).toEqual([]);
  });

  it("stored rules are validated; anything unreadable falls back to the defaults", () => {
    expect(trustRulesFrom(null)).toEqual(DEFAULT_TRUST_RULES);
    expect(trustRulesFrom({ basic: "yes" })).toEqual(DEFAULT_TRUST_RULES);
    const edited = { ...DEFAULT_TRUST_RULES, trustedReportWeight: 3 };
    expect(trustRulesFrom(edited)).toEqual(edited);
  });

  it("report accuracy is the share of decided reports upheld", () => {
    expect(reportAccuracy({ reportsUpheld: 0, reportsDismissed: 0 })).toBeNull();
    expect(reportAccuracy({ reportsUpheld: 3, reportsDismissed: 1 })).toBe(0.75);
  });
});
