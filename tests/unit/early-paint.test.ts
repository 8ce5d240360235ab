// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canonicalText, placeBlocks } from "@/lib/essays/document";
import { earlyPaintScript } from "@/lib/highlights/early-paint";
import { firstPaintOf, sceneOfFirstPaint, type FirstPaint } from "@/lib/highlights/first-paint";
import { createPainter } from "@/lib/highlights/paint";

// jsdom has no CSS Custom Highlight API; this stands in for the browser's
// registry, so both painters can be compared range by range.
class FakeHighlight extends Set<Range> {
  priority = 0;
}
let registry: Map<string, FakeHighlight>;

const drafts = [
  { kind: "paragraph" as const, text: "The first paragraph has words. It has two sentences." },
  { kind: "heading" as const, text: "A Section" },
  { kind: "paragraph" as const, text: "The second paragraph ends the essay, with emphasis inside." },
];
const text = canonicalText(drafts);
const blocks = placeBlocks(drafts);

beforeEach(() => {
  registry = new Map();
  Object.assign(globalThis, { CSS: { highlights: registry }, Highlight: FakeHighlight });
  // The last paragraph splits its text over an <em>, as the essay renderer does for inline formatting.
  document.body.innerHTML = `<div data-essay-body>${blocks
    .map((block, n) => {
      const tag = block.kind === "heading" ? "h2" : "p";
      const inner = n === 2 ? `${block.text.slice(0, 11)}<em>${block.text.slice(11, 20)}</em>${block.text.slice(20)}` : block.text;
      return `<${tag} data-block data-start="${block.start}" data-end="${block.end}">${inner}</${tag}>`;
    })
    .join("")}</div>`;
});

afterEach(() => {
  Reflect.deleteProperty(globalThis, "CSS");
  Reflect.deleteProperty(globalThis, "Highlight");
});

/** Each layer's ranges, as the text they cover, and its priority; empty layers left out. */
function painted(): Record<string, { priority: number; texts: string[] }> {
  const layers: Record<string, { priority: number; texts: string[] }> = {};
  for (const [name, highlight] of registry) if (highlight.size > 0) layers[name] = { priority: highlight.priority, texts: [...highlight].map((range) => range.toString()) };
  return layers;
}

const last = blocks[2]!;
const first: FirstPaint = firstPaintOf(
  [
    { id: "a", start: 4, end: 19, colour: "green", private: false },
    { id: "b", start: last.start + 4, end: last.start + 25, colour: "pink", private: true },
  ],
  [
    { start: 0, end: 30, reader: "r1" },
    { start: 10, end: last.start + 15, reader: "r2" },
    { start: 12, end: 40, reader: "r3" },
    { start: last.start + 11, end: last.end, reader: "r1" },
  ],
);

describe("the inline early paint", () => {
  it("paints, from its own source text, exactly the ranges and layers the highlight layer's painter does", () => {
    new Function(earlyPaintScript(first))();
    const early = painted();
    expect(Object.keys(early).sort()).toEqual(["glossa-mine-green", "glossa-private-pink", "glossa-readers-1", "glossa-readers-2", "glossa-readers-3"]);
    expect(early["glossa-mine-green"]!.texts).toEqual([text.slice(4, 19)]);

    registry.clear();
    createPainter(document.querySelector("[data-essay-body]")!).paint(sceneOfFirstPaint(first, "everyone"));
    expect(early).toEqual(painted());
  });

  it("leaves alone the layers a painter that hydrated first already holds", () => {
    const painter = createPainter(document.querySelector("[data-essay-body]")!);
    painter.paint(sceneOfFirstPaint(first, "everyone"));
    const held = new Map(registry);
    new Function(earlyPaintScript(first))();
    for (const [name, highlight] of registry) expect(highlight).toBe(held.get(name));
  });

  it("cannot be ended early by what it carries", () => {
    // Colours are an enum the server checks; this one is not, to prove the escaping, not the enum.
    const script = earlyPaintScript({ own: [{ id: "x", start: 0, end: 3, colour: "</script><!--" as "yellow", private: false }], density: [] });
    expect(script).not.toMatch(/<\/script|<!--/i);
    new Function(script)();
    expect([...registry.keys()]).toEqual(["glossa-mine-</script><!--"]);
  });

  it("does nothing where the page has no essay body or the browser no highlight API", () => {
    document.body.innerHTML = "";
    new Function(earlyPaintScript(first))();
    expect(registry.size).toBe(0);
    Reflect.deleteProperty(globalThis, "CSS");
    expect(() => new Function(earlyPaintScript(first))()).not.toThrow();
  });
});
