import { describe, expect, it } from "vitest";
import { classifyChrome, copyrightHolder, isTailMarker } from "@/lib/essays/import/chrome";
import { bylineName, isHeadingLike } from "@/lib/essays/import/prose";

describe("site chrome", () => {
  it.each([
    ["menu_open Columnists", "menu"],
    ["Home | News | Opinion | Business | Culture | Sport", "menu"],
    ["More information  .  Close", "menu"],
    ["Skip to main content", "menu"],
    ["search  Subscribe  Sign in", "menu"],
    ["We use cookies to provide some features and experiences in QOSHE", "cookie"],
    ["Accept all cookies? We use cookies and similar technologies to improve your experience on our website.", "cookie"],
    ["25 0", "counter"],
    ["48 comments", "counter"],
    ["1.2k", "counter"],
    ["yesterday", "date"],
    ["3 hours ago", "date"],
    ["3 hours ago · 6 min read", "date"],
    ["Updated: 24 November 2026, 10:32", "date"],
    ["Nov 24, 2026", "date"],
    ["Advertisement", "advertising"],
    ["Story continues below advertisement", "advertising"],
    ["Share  Tweet  Email", "share"],
    ["© The Times of Israel (Blogs)", "copyright"],
    ["Read more: Council approves new pier funding after two-year delay", "promo"],
  ])("%j is %s", (line, kind) => {
    expect(classifyChrome(line)).toBe(kind);
  });

  it.each([
    "The results are already visible to anyone willing to look.",
    "Nobody asked for this.",
    "The Iron Law of Transformational Change",
    "What Was Actually Within Reach",
    "The Case for Slower Ferries",
    "It is the wrong promise, and the timetable shows it.",
    "For Hezbollah, the goal was the genuine implementation of UN Resolution 1701 — disarmament, withdrawal.",
    "The Harbour Post",
    "Cookies were the only thing my grandmother baked without a recipe.",
  ])("keeps %j", (line) => {
    expect(classifyChrome(line)).toBeNull();
  });

  it("recognises the blocks of other stories after an article", () => {
    for (const marker of ["Related stories", "More from Opinion", "Most read", "You may also like", "Recommended for you"]) expect(isTailMarker(marker)).toBe(true);
    expect(isTailMarker("What the Pause Is Producing")).toBe(false);
  });

  it("reads the rights holder from a copyright line", () => {
    expect(copyrightHolder("© The Times of Israel (Blogs)")).toBe("The Times of Israel (Blogs)");
    expect(copyrightHolder("© 2026 Harbour Post Media Ltd. All rights reserved.")).toBe("Harbour Post Media Ltd");
    expect(copyrightHolder("Copyright 2019–2026 The Lantern Review   77")).toBe("The Lantern Review");
  });
});

describe("prose judgements", () => {
  it("tells headings from short sentences", () => {
    expect(isHeadingLike("The Deepest Problem: Will as a Resource")).toBe(true);
    expect(isHeadingLike("Why would anyone stay?")).toBe(true);
    expect(isHeadingLike("The results are already visible to anyone willing to look.")).toBe(false);
    expect(isHeadingLike("He said “no.”")).toBe(false);
    expect(isHeadingLike("lower-case start")).toBe(false);
  });

  it("reads a byline's name", () => {
    expect(bylineName("By Maren Okafor, transport columnist")).toBe("Maren Okafor");
    expect(bylineName("by Jan van der Berg")).toBe("Jan van der Berg");
    expect(bylineName("By the time we arrived it was over.")).toBeNull();
  });
});
