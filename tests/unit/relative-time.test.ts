import { describe, expect, it } from "vitest";
import { sinceText } from "@/components/ui/relative-time";

const NOW = Date.parse("2026-12-02T12:00:00Z");
const before = (ms: number) => new Date(NOW - ms).toISOString();

describe("sinceText", () => {
  it("says just now for the first minute, and for a clock a little behind the server's", () => {
    expect(sinceText(before(0), NOW)).toBe("just now");
    expect(sinceText(before(59_999), NOW)).toBe("just now");
    expect(sinceText(before(-5_000), NOW)).toBe("just now");
  });
  it("counts whole minutes, then whole hours", () => {
    expect(sinceText(before(60_000), NOW)).toBe("1 min ago");
    expect(sinceText(before(59 * 60_000 + 59_000), NOW)).toBe("59 min ago");
    expect(sinceText(before(60 * 60_000), NOW)).toBe("1 h ago");
    expect(sinceText(before(23 * 3_600_000 + 59 * 60_000), NOW)).toBe("23 h ago");
  });
  it("gives the date from a day on", () => {
    expect(sinceText("2026-11-30T12:00:00Z", NOW)).toMatch(/^(29|30) Nov 2026$/);
  });
});
