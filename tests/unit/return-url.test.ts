import { describe, expect, it } from "vitest";
import { safeReturnPath, signInHref } from "@/lib/auth/return-url";

describe("return URLs after signing in", () => {
  it.each([
    ["/essays/reading-with-a-pencil#hl-abc", "/essays/reading-with-a-pencil#hl-abc"],
    ["/settings?tab=profile", "/settings?tab=profile"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example", "/\t/evil.example", "", null, undefined])(
    "refuses %j",
    (input) => {
      expect(safeReturnPath(input)).toBe("/");
    },
  );

  it("builds the sign-in link with the path encoded", () => {
    expect(signInHref("/essays/x#s-y")).toBe("/signin?callbackUrl=%2Fessays%2Fx%23s-y");
    expect(signInHref("//evil.example")).toBe("/signin?callbackUrl=%2F");
  });
});
