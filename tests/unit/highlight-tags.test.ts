import { describe, expect, it } from "vitest";
import { fieldTagsOf, highlightTags, invalidTags, isValidTag, MAX_TAG_LENGTH, normaliseTag, splitTagField, tagFromPathSegment, tagsInNote } from "@/lib/highlights/tags";

describe("tag grammar", () => {
  it("keeps letters of any script, digits, - and _, lower-cased", () => {
    expect(["close-reading", "snake_case", "2024-notes", "éthique", "日本語", "हिन्दी", "x"].every(isValidTag)).toBe(true);
    expect(normaliseTag("##Attention")).toBe("attention");
    expect(normaliseTag("  ÉTHIQUE ")).toBe("éthique");
    // NFC: an e with a combining acute is the same tag as the precomposed é.
    expect(normaliseTag("e\u0301thique")).toBe("éthique");
  });

  it("refuses digits alone, leading punctuation, other symbols and overlong words", () => {
    expect(["", "1", "2024", "-draft", "_x", "a/b", "a.b", "emoji🙂", "a".repeat(MAX_TAG_LENGTH + 1)].some(isValidTag)).toBe(false);
    expect(isValidTag("a".repeat(MAX_TAG_LENGTH))).toBe(true);
  });
});

describe("a tag page's path segment", () => {
  it("names the tag its link encoded, in any script, and nothing for a malformed or invalid one", () => {
    for (const tag of ["café", "日本語", "close-reading"]) expect(tagFromPathSegment(encodeURIComponent(tag))).toBe(tag);
    expect(tagFromPathSegment("café")).toBe("café");
    expect(tagFromPathSegment("%23Attention")).toBe("attention");
    expect([tagFromPathSegment("%ff"), tagFromPathSegment("a%2Fb"), tagFromPathSegment("2024"), tagFromPathSegment("%25")]).toEqual([null, null, null, null]);
  });
});

describe("the tag field", () => {
  it("splits on spaces and commas and drops the #", () => {
    expect(splitTagField(" #Essay, close-reading  attention,,")).toEqual(["essay", "close-reading", "attention"]);
    expect(splitTagField("")).toEqual([]);
  });

  it("names what is not a tag", () => {
    expect(invalidTags(["ok", "not/ok", "123"])).toEqual(["not/ok", "123"]);
  });
});

describe("#tags in a note", () => {
  it("finds #words in prose, deduplicated in order", () => {
    expect(tagsInNote("A #Claim about (#attention), see #claim again.\n#memory at a line's start")).toEqual(["claim", "attention", "memory"]);
  });

  it("ignores headings, numbers, C#, entities, escapes and paths", () => {
    expect(tagsInNote("# A heading\n## Another\nIssue #12, C# and F#m, &#39; \\#escaped a/#b")).toEqual([]);
  });

  it("ignores URLs, link destinations and autolinks", () => {
    expect(tagsInNote("See https://example.com/page#section and www.example.com/#top, [here](#anchor) or <https://x.test/#frag> #real")).toEqual(["real"]);
  });

  it("ignores code spans and fenced code", () => {
    expect(tagsInNote("Use `#define` or ``a `#b` c`` but #kept\n```\n#not-a-tag\n```\n~~~js\n#nor\n~~~\n#after")).toEqual(["kept", "after"]);
    // An unclosed fence runs to the end.
    expect(tagsInNote("#before\n```\n#inside")).toEqual(["before"]);
  });

  it("ends a tag with its word, dropping trailing - and _", () => {
    expect(tagsInNote("#draft-, #one_ and #two.")).toEqual(["draft", "one", "two"]);
    expect(tagsInNote(null)).toEqual([]);
  });

  it("skips #words longer than a tag may be", () => {
    expect(tagsInNote(`#${"a".repeat(MAX_TAG_LENGTH + 1)} #ok`)).toEqual(["ok"]);
  });
});

describe("a highlight's tags", () => {
  it("is the field's tags then the note's, deduplicated", () => {
    expect(highlightTags(["Essay", "#memory"], "About #memory and #time")).toEqual(["essay", "memory", "time"]);
  });

  it("tells the field's own tags from the note's", () => {
    expect(fieldTagsOf(["essay", "memory", "time"], "About #memory and #time")).toEqual(["essay"]);
  });
});
