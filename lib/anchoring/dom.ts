/**
 * Between the DOM and the essay's canonical text (lib/essays/document.ts).
 * The rendered body holds one element per block with `data-start`; the text
 * inside a block, in document order, is exactly the block's text, so a DOM
 * position maps to `block start + characters before it inside the block`.
 * The "\n\n" between blocks exists only in the canonical text.
 */

/** A text node and the canonical offset of its first character. */
export interface TextNodeOffset {
  node: Text;
  start: number;
}

const BLOCK_SELECTOR = "[data-block][data-start]";

/** The text nodes of the essay body in order, with their canonical offsets. */
export function indexTextNodes(body: Element): TextNodeOffset[] {
  const index: TextNodeOffset[] = [];
  for (const block of body.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)) {
    let offset = Number(block.dataset.start);
    const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      index.push({ node, start: offset });
      offset += node.data.length;
    }
  }
  return index;
}

function blockOf(node: Node, body: Element): HTMLElement | null {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>(BLOCK_SELECTOR) ?? null;
  return block && body.contains(block) ? block : null;
}

/** Characters of block text before the DOM point (container, offset) inside `block`. */
function offsetInBlock(block: HTMLElement, container: Node, offset: number): number {
  const range = block.ownerDocument.createRange();
  range.selectNodeContents(block);
  range.setEnd(container, offset);
  return range.toString().length;
}

/**
 * The canonical offsets of a DOM point inside the essay body, or null when
 * the point is outside every block.
 */
export function offsetOfPoint(body: Element, container: Node, offset: number): number | null {
  const block = blockOf(container, body);
  if (!block) return null;
  return Number(block.dataset.start) + offsetInBlock(block, container, offset);
}

/**
 * Maps a DOM range (a reader's selection) to canonical [start, end) offsets.
 * Ends outside the essay body are clamped to the first or last block it
 * overlaps; a range that touches no block gives null, as does an empty one.
 */
export function offsetsFromRange(range: Range, body: Element): { start: number; end: number } | null {
  const blocks = [...body.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)].filter((block) => range.intersectsNode(block));
  if (blocks.length === 0) return null;
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const start = first.contains(range.startContainer) ? Number(first.dataset.start) + offsetInBlock(first, range.startContainer, range.startOffset) : Number(first.dataset.start);
  const end = last.contains(range.endContainer) ? Number(last.dataset.start) + offsetInBlock(last, range.endContainer, range.endOffset) : Number(last.dataset.end);
  return end > start ? { start, end } : null;
}

/** The index of the text node containing canonical `offset` (binary search). */
function locate(index: readonly TextNodeOffset[], offset: number, preferNext: boolean): { node: Text; offset: number } | null {
  let low = 0;
  let high = index.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = index[middle]!;
    if (offset < entry.start) high = middle - 1;
    else if (offset > entry.start + entry.node.data.length || (preferNext && offset === entry.start + entry.node.data.length && middle + 1 < index.length && index[middle + 1]!.start === offset))
      low = middle + 1;
    else return { node: entry.node, offset: offset - entry.start };
  }
  // In a block separator: snap forward to the next node's start, or back to the previous node's end.
  const next = index[low];
  if (preferNext && next) return { node: next.node, offset: 0 };
  const previous = index[low - 1];
  return previous ? { node: previous.node, offset: previous.node.data.length } : next ? { node: next.node, offset: 0 } : null;
}

/** A DOM range for canonical [start, end), spanning blocks if need be, using a prepared text-node index. */
export function rangeFromIndex(index: readonly TextNodeOffset[], start: number, end: number): Range | null {
  const from = locate(index, start, true);
  const to = locate(index, end, false);
  if (!from || !to) return null;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}

/** The essay body's canonical text, rebuilt from its rendered blocks exactly as lib/essays/document.ts joins them. */
export function canonicalTextOf(body: Element): string {
  return [...body.querySelectorAll("[data-block]")].map((block) => block.textContent ?? "").join("\n\n");
}

/** A DOM range for canonical [start, end) in the essay body. */
export function rangeFromOffsets(body: Element, start: number, end: number): Range | null {
  return rangeFromIndex(indexTextNodes(body), start, end);
}

/** The offsets of a whole block, for the keyboard "highlight this paragraph" command. */
export function paragraphOffsets(block: HTMLElement): { start: number; end: number } {
  return { start: Number(block.dataset.start), end: Number(block.dataset.end) };
}

/** The offsets of the sentence around `offsetInText` in a block, for "highlight this sentence". */
export function sentenceOffsetsAt(block: HTMLElement, offsetInText: number): { start: number; end: number } {
  const text = block.textContent ?? "";
  const base = Number(block.dataset.start);
  const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "sentence" }) : null;
  if (segmenter) {
    for (const { segment, index } of segmenter.segment(text)) {
      if (offsetInText >= index && offsetInText < index + segment.length) return { start: base + index, end: base + index + segment.trimEnd().length };
    }
  }
  return paragraphOffsets(block);
}

/**
 * The canonical offset under a viewport point (for hit-testing painted
 * highlights, which receive no events), or null outside the essay text.
 */
export function offsetAtPoint(body: Element, clientX: number, clientY: number): number | null {
  const document = body.ownerDocument as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const position = document.caretPositionFromPoint?.(clientX, clientY);
  if (position) return offsetOfPoint(body, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(clientX, clientY);
  return range ? offsetOfPoint(body, range.startContainer, range.startOffset) : null;
}
