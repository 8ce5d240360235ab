import { describe, expect, it } from "vitest";
import { queuePriority, type PriorityFacts } from "@/lib/moderation/queue-priority";

const quiet = { score: 0, heatingUp: false };
const facts = (overrides: Partial<PriorityFacts> = {}): PriorityFacts => ({ reports: [{ reason: "OFF_TOPIC", reporterAccuracy: null }], authorTrust: 2, heat: quiet, ...overrides });

describe("queue priority", () => {
  it("weighs report kinds: harassment over spam over off-topic", () => {
    const score = (reason: string) => queuePriority(facts({ reports: [{ reason, reporterAccuracy: null }] })).score;
    expect(score("HARASSMENT")).toBeGreaterThan(score("SPAM"));
    expect(score("SPAM")).toBeGreaterThan(score("OFF_TOPIC"));
  });

  it("counts reports, weighed by their reporters' record", () => {
    const one = queuePriority(facts()).score;
    const three = queuePriority(facts({ reports: Array.from({ length: 3 }, () => ({ reason: "OFF_TOPIC", reporterAccuracy: null })) })).score;
    expect(three).toBe(3 * one);
    const right = queuePriority(facts({ reports: [{ reason: "SPAM", reporterAccuracy: 1 }] }));
    const wrong = queuePriority(facts({ reports: [{ reason: "SPAM", reporterAccuracy: 0 }] }));
    expect(right.score).toBe(3 * wrong.score);
    expect(right.reasons).toContain("reporters usually right");
    expect(wrong.reasons).toContain("reporters often wrong");
  });

  it("raises a new author's item and lowers a trusted one's", () => {
    expect(queuePriority(facts({ authorTrust: 0 })).score).toBeGreaterThan(queuePriority(facts({ authorTrust: 2 })).score);
    expect(queuePriority(facts({ authorTrust: 3 })).score).toBeLessThan(queuePriority(facts({ authorTrust: 2 })).score);
    expect(queuePriority(facts({ authorTrust: 0 })).reasons).toContain("new account");
  });

  it("adds the thread's heat, capped below two harassment reports", () => {
    expect(queuePriority(facts({ heat: { score: 24, heatingUp: true } })).score).toBe(1 + 6);
    expect(queuePriority(facts({ heat: { score: 400, heatingUp: true } })).score).toBe(1 + 10);
    expect(queuePriority(facts({ heat: { score: 24, heatingUp: true } })).reasons).toContain("thread heating up");
  });

  it("says it briefly", () => {
    const reports = [
      { reason: "SPAM", reporterAccuracy: 0.9 },
      { reason: "HARASSMENT", reporterAccuracy: 0.8 },
      { reason: "SPAM", reporterAccuracy: null },
    ];
    expect(queuePriority({ reports, authorTrust: 0, heat: quiet }).reasons).toEqual(["3 reports (harassment, spam)", "reporters usually right", "new account"]);
  });
});
