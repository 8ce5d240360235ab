import { describe, expect, it } from "vitest";
import { safeReturnPath, signInHref } from "@/lib/auth/return-url";

/** Where a browser goes when a page on Glossa redirects to `location`. */
function browserTarget(location: string): string {
  return new URL(location, "https://glossa.example/signin").origin;
}

describe("return URLs after signing in", () => {
  it.each([
    ["/essays/reading-with-a-pencil#hl-abc", "/essays/reading-with-a-pencil#hl-abc"],
    ["/settings?tab=profile", "/settings?tab=profile"],
    ["/", "/"],
    ["/essays/a/../b", "/essays/b"],
    ["/essays/café", "/essays/caf%C3%A9"],
    ["/essays/x?q=two%20words&from=%2Fhome", "/essays/x?q=two%20words&from=%2Fhome"],
    ["/moderation/audit?after=1#row-2", "/moderation/audit?after=1#row-2"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  // The list (callbackUrl values as the page receives them, already
  // decoded once from the query string), then variations on each trick.
  const attacks = [
    "/..//evil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example",
    "/%2E%2E//evil.example",
    "/.%2E//evil.example",
    "/./%2Fevil.example",
    "/%2F%2Fevil.example",
    "/..%2F%2Fevil.example",
    "/a/..%2F..%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/.%5Cevil.example",
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%00//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r//evil.example",
    "/ /evil.example",
    "/\u3000/evil.example",
    "/\u00a0/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "//evil.example/x",
    "///evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    " /evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/%",
    "",
    null,
    undefined,
  ];

  it.each(attacks)("refuses %j", (input) => {
    expect(safeReturnPath(input)).toBe("/");
  });

  it("never returns a path a browser would follow off the site, for any attack", () => {
    for (const attack of attacks) {
      if (typeof attack !== "string") continue;
      for (const input of [attack, decodeURIComponentSafe(attack)]) {
        expect(browserTarget(safeReturnPath(input)), input).toBe("https://glossa.example");
      }
    }
  });

  it("builds the sign-in link with the path encoded", () => {
    expect(signInHref("/essays/x#s-y")).toBe("/signin?callbackUrl=%2Fessays%2Fx%23s-y");
    expect(signInHref("//evil.example")).toBe("/signin?callbackUrl=%2F");
    expect(signInHref("/..//evil.example")).toBe("/signin?callbackUrl=%2F");
  });
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
