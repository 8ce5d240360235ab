/**
 * Paints highlights over the server-rendered essay without touching its
 * markup, using the CSS Custom Highlight API (`::highlight()`), with a
 * `<mark>` fallback for browsers without it. All ranges are built from one
 * text-node index in a single pass, and the API path makes no DOM writes at
 * all, so painting thousands of highlights causes no layout thrashing.
 *
 * Highlight names, styled in app/highlights.css:
 * - `glossa-mine-<colour>`: the reader's own public highlights, by colour;
 * - `glossa-private-<colour>`: the reader's own private ones (dashed, so private looks private);
 * - `glossa-readers-1|2|3`: other readers' highlights, shaded by how many
 *   distinct readers cover the passage (3 means three or more);
 * - `glossa-flash`: a passage being pointed at (deep link, selection in a panel);
 * - `glossa-pending`: the passage the reader is about to highlight, kept
 *   visible while focus is in the toolbar (a note field takes the document selection).
 */
import { indexTextNodes, rangeFromIndex, type TextNodeOffset } from "@/lib/anchoring/dom";

export type PaintColour = "yellow" | "green" | "blue" | "pink" | "purple";

/** One of the reader's own highlights. */
export interface OwnPaint {
  id: string;
  start: number;
  end: number;
  colour: PaintColour;
  /** Only the reader can see it. */
  private: boolean;
}

/** A stretch covered by `readers` distinct other readers. */
export interface DensityPaint {
  start: number;
  end: number;
  readers: number;
}

/** What to paint: the reader's own highlights and everyone else's density. */
export interface PaintScene {
  own: readonly OwnPaint[];
  density: readonly DensityPaint[];
}

/** A painter bound to one essay body. */
export interface Painter {
  paint(scene: PaintScene): void;
  clear(): void;
  /** A DOM range for canonical offsets (for scrolling, positioning, flashing). */
  rangeFor(start: number, end: number): Range | null;
  /** Briefly marks a passage, e.g. after following a deep link. */
  flash(start: number, end: number, durationMs?: number): void;
  /** Keeps a passage marked as "being highlighted" until called with null. */
  pending(passage: { start: number; end: number } | null): void;
  /** Whether the CSS Custom Highlight API is in use (else `<mark>` elements). */
  readonly native: boolean;
}

const COLOURS: PaintColour[] = ["yellow", "green", "blue", "pink", "purple"];
const DENSITY_BUCKETS = 3;
const FLASH = "glossa-flash";
const PENDING = "glossa-pending";

function ownName({ colour, private: only }: Pick<OwnPaint, "colour" | "private">): string {
  return `glossa-${only ? "private" : "mine"}-${colour}`;
}

function densityName(readers: number): string {
  return `glossa-readers-${Math.min(readers, DENSITY_BUCKETS)}`;
}

function highlightRegistry(): HighlightRegistry | null {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined" ? CSS.highlights : null;
}

/** Whether two density scenes paint the same segments (a comparison of numbers: far cheaper than the ranges it saves). */
function sameDensity(a: readonly DensityPaint[], b: readonly DensityPaint[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.start !== y.start || x.end !== y.end || x.readers !== y.readers) return false;
  }
  return true;
}

/** Creates a painter for `body`, the element with `data-essay-body`. */
export function createPainter(body: HTMLElement, options: { forceFallback?: boolean } = {}): Painter {
  const registry = options.forceFallback ? null : highlightRegistry();
  let index: TextNodeOffset[] = indexTextNodes(body);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const rangeFor = (start: number, end: number) => rangeFromIndex(index, start, end);

  if (registry) {
    // Other readers' shading sits below the reader's own highlights. An own
    // layer joins the registry when it first holds a range: each registered
    // Highlight costs Chromium work on every change, and with all ten own
    // layers registered (private ones are dashed, so each colour has two)
    // bench:anchoring's 5,000-highlight paint call took 7.7 ms against 5.1
    // with only the layers in use. Looked up by visibility and colour, not
    // by a name built per highlight (8.7 ms with that).
    const densityLayers = Array.from({ length: DENSITY_BUCKETS }, (_, n) => {
      const highlight = new Highlight();
      highlight.priority = 1;
      registry.set(densityName(n + 1), highlight);
      return highlight;
    });
    const ownLayerSet = (shown: boolean) =>
      Object.fromEntries(COLOURS.map((colour) => [colour, { name: ownName({ colour, private: shown }), highlight: Object.assign(new Highlight(), { priority: 2 }), registered: false }])) as Record<
        PaintColour,
        { name: string; highlight: Highlight; registered: boolean }
      >;
    const ownLayer = { mine: ownLayerSet(false), private: ownLayerSet(true) };
    const ownLayers = [...Object.values(ownLayer.mine), ...Object.values(ownLayer.private)];
    // What the density layers hold now. A reader's own highlight changes
    // only their own layers, so the other readers' shading is left as it is:
    // rebuilt on every paint, its ~5,000 ranges (bench:reading's essay) were
    // most of the time between a click on Highlight and the paint.
    let paintedDensity: readonly DensityPaint[] = [];
    return {
      native: true,
      rangeFor,
      paint({ own, density }) {
        if (!sameDensity(paintedDensity, density)) {
          densityLayers.forEach((highlight) => highlight.clear());
          for (const segment of density) {
            const range = rangeFor(segment.start, segment.end);
            if (range) densityLayers[Math.min(segment.readers, DENSITY_BUCKETS) - 1]!.add(range);
          }
          paintedDensity = density;
        }
        ownLayers.forEach((layer) => layer.highlight.clear());
        for (const item of own) {
          const range = rangeFor(item.start, item.end);
          if (!range) continue;
          const layer = ownLayer[item.private ? "private" : "mine"][item.colour];
          if (!layer.registered) {
            registry.set(layer.name, layer.highlight);
            layer.registered = true;
          }
          layer.highlight.add(range);
        }
      },
      clear() {
        densityLayers.forEach((highlight) => highlight.clear());
        ownLayers.forEach((layer) => layer.highlight.clear());
        paintedDensity = [];
      },
      flash(start, end, durationMs = 1600) {
        const range = rangeFor(start, end);
        if (!range) return;
        const flash = new Highlight(range);
        flash.priority = 3;
        registry.set(FLASH, flash);
        clearTimeout(flashTimer);
        flashTimer = setTimeout(() => registry.delete(FLASH), durationMs);
      },
      pending(passage) {
        const range = passage && rangeFor(passage.start, passage.end);
        if (!range) return void registry.delete(PENDING);
        const pending = new Highlight(range);
        pending.priority = 4;
        registry.set(PENDING, pending);
      },
    };
  }

  let marked = false;
  const clearMarks = () => {
    if (!marked) return;
    for (const mark of body.querySelectorAll("mark.glossa-mark")) {
      const parent = mark.parentNode!;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
    marked = false;
    index = indexTextNodes(body);
  };

  return {
    native: false,
    rangeFor,
    paint(scene) {
      clearMarks();
      const segments = flatten(scene);
      // From the end backwards, so splitting a text node never shifts the
      // offsets of segments still to wrap.
      for (let n = segments.length - 1; n >= 0; n--) {
        const segment = segments[n]!;
        wrap(rangeFor(segment.start, segment.end), segment.className);
      }
      marked = segments.length > 0;
      index = indexTextNodes(body);
    },
    clear: clearMarks,
    flash(start, end, durationMs = 1600) {
      const range = rangeFor(start, end);
      const element = range?.startContainer.parentElement;
      if (!element) return;
      element.classList.add("glossa-flash-fallback");
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => element.classList.remove("glossa-flash-fallback"), durationMs);
    },
    // Without the API the browser's own selection stays the marker: rewrapping text for it would move the selection itself.
    pending() {},
  };
}

/** Cuts the scene into non-overlapping segments, each with the one class that shows on top. */
function flatten({ own, density }: PaintScene): { start: number; end: number; className: string }[] {
  const boundaries = new Set<number>();
  for (const item of [...own, ...density]) {
    boundaries.add(item.start);
    boundaries.add(item.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const segments: { start: number; end: number; className: string }[] = [];
  for (let n = 0; n + 1 < points.length; n++) {
    const start = points[n]!;
    const end = points[n + 1]!;
    const mine = own.findLast((item) => item.start <= start && item.end >= end);
    const shade = density.find((item) => item.start <= start && item.end >= end);
    const className = mine ? ownName(mine) : shade ? densityName(shade.readers) : null;
    if (!className) continue;
    const previous = segments.at(-1);
    if (previous && previous.end === start && previous.className === className) previous.end = end;
    else segments.push({ start, end, className });
  }
  return segments;
}

/** Wraps the text of a range in `<mark>` elements, one per text node it touches. */
function wrap(range: Range | null, className: string) {
  if (!range) return;
  const document = range.startContainer.ownerDocument!;
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE) nodes.push(range.commonAncestorContainer as Text);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) if (range.intersectsNode(node)) nodes.push(node);
  for (const node of nodes) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) continue;
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const mark = document.createElement("mark");
    mark.className = `glossa-mark ${className}`;
    middle.parentNode!.insertBefore(mark, middle);
    mark.appendChild(middle);
  }
}
