import { describe, expect, it } from "vitest";
import { adjustSelection, selectionMoveFor } from "@/lib/highlights/adjust-selection";

const TEXT = "One reader argued back. “Two,” said another! Three words here.\n\nA new paragraph starts.";
const at = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const words = (offsets: { start: number; end: number }) => TEXT.slice(offsets.start, offsets.end);

describe("moving a keyboard selection", () => {
  it("moves the end a word on and back, never collapsing the selection", () => {
    expect(words(adjustSelection(TEXT, at("reader"), { edge: "end", direction: 1, step: "word" }))).toBe("reader argued");
    expect(words(adjustSelection(TEXT, at("reader argued"), { edge: "end", direction: -1, step: "word" }))).toBe("reader");
    expect(words(adjustSelection(TEXT, at("reader"), { edge: "end", direction: -1, step: "word" }))).toBe("reader");
  });

  it("moves the start a word earlier and later", () => {
    expect(words(adjustSelection(TEXT, at("argued"), { edge: "start", direction: -1, step: "word" }))).toBe("reader argued");
    expect(words(adjustSelection(TEXT, at("reader argued"), { edge: "start", direction: 1, step: "word" }))).toBe("argued");
    expect(adjustSelection(TEXT, at("One"), { edge: "start", direction: -1, step: "word" })).toEqual(at("One"));
  });

  it("moves by sentences, closing quotes and paragraph ends included", () => {
    expect(words(adjustSelection(TEXT, at("One"), { edge: "end", direction: 1, step: "sentence" }))).toBe("One reader argued back.");
    expect(words(adjustSelection(TEXT, at("One reader argued back."), { edge: "end", direction: 1, step: "sentence" }))).toBe("One reader argued back. “Two,” said another!");
    expect(words(adjustSelection(TEXT, at("Three"), { edge: "end", direction: 1, step: "sentence" }))).toBe("Three words here.");
    expect(words(adjustSelection(TEXT, at("Three words here."), { edge: "end", direction: 1, step: "sentence" }))).toBe("Three words here.\n\nA new paragraph starts.");
    expect(words(adjustSelection(TEXT, at("said another! Three words here."), { edge: "end", direction: -1, step: "sentence" }))).toBe("said another!");
    expect(words(adjustSelection(TEXT, at("words"), { edge: "start", direction: -1, step: "sentence" }))).toBe("Three words");
    expect(words(adjustSelection(TEXT, at("back. “Two,” said"), { edge: "start", direction: 1, step: "sentence" }))).toBe("“Two,” said");
  });

  it("reads Shift+arrows as word moves and Shift+Alt+arrows as sentence moves", () => {
    const key = (key: string, extra = {}) => selectionMoveFor({ key, shiftKey: true, altKey: false, ctrlKey: false, metaKey: false, ...extra });
    expect(key("ArrowRight")).toEqual({ edge: "end", direction: 1, step: "word" });
    expect(key("ArrowUp", { altKey: true })).toEqual({ edge: "start", direction: -1, step: "sentence" });
    expect(key("ArrowRight", { shiftKey: false })).toBeNull();
    expect(key("ArrowRight", { ctrlKey: true })).toBeNull();
    expect(key("Tab")).toBeNull();
  });
});
