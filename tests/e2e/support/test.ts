import { test as base } from "@playwright/test";

/**
 * Playwright's test, with each test's browser context presenting its own
 * client address. Every test signs in several times, and the sign-in limits
 * (6 a minute per IP) are real in the production build under test; a
 * distinct address per test keeps one test's attempts from counting against
 * the next, as different readers' would.
 */
export const test = base.extend({
  context: async ({ context }, provide) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": randomAddress() });
    await provide(context);
  },
});

let next = 0;

/** A distinct documentation-range address (RFC 3849 IPv6) per call. */
export function randomAddress(): string {
  next += 1;
  return `2001:db8::${Date.now().toString(16).slice(-4)}:${Math.floor(Math.random() * 0xffff).toString(16)}:${next.toString(16)}`;
}

export { expect } from "@playwright/test";
export type { Page } from "@playwright/test";
