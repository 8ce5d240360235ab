import type { FirstPaint } from "./first-paint";

/** What the page's inline script paints: own highlights as [start, end, layer name], density flat as in FirstPaint. */
interface EarlyScene {
  own: [number, number, string][];
  density: number[];
}

/**
 * The inline script that paints a first paint the moment it arrives in the
 * HTML stream, before the page's JavaScript has loaded and hydrated. With
 * 50,000 comments and 5,000 highlights (bench:reading) the highlights were
 * painted 379 ms after the load event, every millisecond of it waiting for
 * hydration; the script paints before the load event. The highlight layer's
 * painter takes the same layer names over when it hydrates.
 */
export function earlyPaintScript(first: FirstPaint): string {
  const scene: EarlyScene = { own: first.own.map((item) => [item.start, item.end, `glossa-${item.private ? "private" : "mine"}-${item.colour}`]), density: first.density };
  // Inside <script>, only "</script" and "<!--" could end or bend it; escaping every "<" rules both out.
  return `(${paintBeforeHydration.toString()})(${JSON.stringify(scene).replace(/</g, "\\u003c")})`;
}

/**
 * Runs in the browser from its own source text (`toString()` above), so it
 * uses nothing but its argument and the browser's globals. It repeats, in a
 * few lines, the text-node index and offset lookup of lib/anchoring/dom.ts
 * and the layer names and priorities of lib/highlights/paint.ts; a test
 * (tests/unit/early-paint.test.ts) checks it paints exactly the ranges the
 * painter does for the same first paint.
 */
function paintBeforeHydration(scene: EarlyScene): void {
  const registry = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined" ? CSS.highlights : null;
  const body = document.querySelector("[data-essay-body]");
  if (!registry || !body) return;
  const nodes: Text[] = [];
  const starts: number[] = [];
  for (const block of body.querySelectorAll<HTMLElement>("[data-block][data-start]")) {
    let offset = Number(block.dataset.start);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      nodes.push(node);
      starts.push(offset);
      offset += node.data.length;
    }
  }
  const locate = (offset: number, preferNext: boolean): [Text, number] | null => {
    let low = 0;
    let high = nodes.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const end = starts[middle]! + nodes[middle]!.data.length;
      if (offset < starts[middle]!) high = middle - 1;
      else if (offset > end || (preferNext && offset === end && middle + 1 < nodes.length && starts[middle + 1] === offset)) low = middle + 1;
      else return [nodes[middle]!, offset - starts[middle]!];
    }
    if (preferNext && nodes[low]) return [nodes[low]!, 0];
    if (nodes[low - 1]) return [nodes[low - 1]!, nodes[low - 1]!.data.length];
    return nodes[low] ? [nodes[low]!, 0] : null;
  };
  const layers = new Map<string, Highlight>();
  const add = (name: string, priority: number, start: number, end: number) => {
    const from = locate(start, true);
    const to = locate(end, false);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    if (range.collapsed) return;
    let layer = layers.get(name);
    if (!layer) {
      layer = new Highlight();
      layer.priority = priority;
      layers.set(name, layer);
    }
    layer.add(range);
  };
  const { density } = scene;
  for (let i = 0; i + 2 < density.length; i += 3) add(`glossa-readers-${Math.min(density[i + 2]!, 3)}`, 1, density[i]!, density[i + 1]!);
  for (const [start, end, name] of scene.own) add(name, 2, start, end);
  // Should the layer hydrate first (its stream chunk came before this one), its painter owns the names: taking them would orphan what it paints.
  layers.forEach((layer, name) => registry.has(name) || registry.set(name, layer));
}
