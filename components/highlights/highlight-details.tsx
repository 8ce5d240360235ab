"use client";

import { memo, useEffect, useMemo, useState } from "react";
import type { HighlightView } from "@/lib/highlights/view";

/** The first 60 characters of a passage, as it is quoted to screen-reader users. */
export function quoteOf(exact: string): string {
  return exact.length > 60 ? `${exact.slice(0, 60).trimEnd()}…` : exact;
}

/** One passage as a screen reader hears it: whose, and what hangs on it. */
interface PassageLine {
  key: string;
  text: string;
}

interface BlockDetails {
  start: number;
  id: string;
  lines: PassageLine[];
}

const detailsId = (blockStart: number) => `highlight-details-${blockStart}`;

/**
 * What is highlighted in each paragraph, for screen readers. The CSS Custom
 * Highlight API paints without touching the text, so painted highlights are
 * invisible to assistive technology; instead each highlighted block gets
 * `aria-details` pointing at a visually hidden list of its passages, which a
 * screen reader offers as "has details" when it reads the paragraph. The
 * text nodes stay whole, so anchoring and selection are unaffected.
 */
export const HighlightDetails = memo(function HighlightDetails({ body, highlights }: { body: HTMLElement | null; highlights: readonly HighlightView[] }) {
  // Once the browser is idle, after the paint: with 5,000 highlights, rebuilding these lists in the same render put an author's new highlight on screen 160 ms after the click instead of 52 (bench:reading, p50), and useDeferredValue still ran it before the next frame.
  const [deferred, setDeferred] = useState<readonly HighlightView[]>([]);
  useEffect(() => {
    const idle = requestIdleCallback(() => setDeferred(highlights), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [highlights]);
  const blockElements = useMemo(() => (body ? [...body.querySelectorAll<HTMLElement>("[data-block][data-start]")] : []), [body]);
  const blocks = useMemo(() => detailsByBlock(blockElements, deferred), [blockElements, deferred]);

  useEffect(() => {
    const described = new Set(blocks.map((block) => block.start));
    for (const element of blockElements) {
      const start = Number(element.dataset.start);
      const has = element.hasAttribute("aria-details");
      if (described.has(start) && !has) element.setAttribute("aria-details", detailsId(start));
      else if (!described.has(start) && has) element.removeAttribute("aria-details");
    }
  }, [blockElements, blocks]);

  return (
    <div className="visually-hidden">
      {blocks.map((block) => (
        <BlockDetailsList key={block.id} block={block} />
      ))}
    </div>
  );
});

const BlockDetailsList = memo(
  function BlockDetailsList({ block }: { block: BlockDetails }) {
    return (
      <div id={block.id}>
        <p>Highlighted in this paragraph:</p>
        <ul>
          {block.lines.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ul>
      </div>
    );
  },
  // Re-rendered only when what it says changed: a new highlight elsewhere leaves every other paragraph's list alone.
  (before, after) => before.block.lines.length === after.block.lines.length && before.block.lines.every((line, n) => line.text === after.block.lines[n]!.text),
);

/** The blocks with highlights, each with one line per passage: the reader's own one by one, other readers' counted per passage. */
function detailsByBlock(elements: readonly HTMLElement[], highlights: readonly HighlightView[]): BlockDetails[] {
  const blocks = elements.map((element) => ({ start: Number(element.dataset.start), end: Number(element.dataset.end) }));
  const byBlock = new Map<number, Map<string, { exact: string; mine: HighlightView[]; others: Set<string>; notes: number; comments: number }>>();
  for (const highlight of highlights) {
    for (const block of blocksOverlapping(blocks, highlight.start, highlight.end)) {
      const passages = byBlock.get(block.start) ?? new Map();
      byBlock.set(block.start, passages);
      const key = `${highlight.start}-${highlight.end}`;
      const passage = passages.get(key) ?? { exact: highlight.exact, mine: [], others: new Set<string>(), notes: 0, comments: 0 };
      passages.set(key, passage);
      if (highlight.mine) passage.mine.push(highlight);
      else passage.others.add(highlight.author.handle);
      if (highlight.note) passage.notes += 1;
      passage.comments += highlight.commentCount;
    }
  }
  return [...byBlock]
    .sort(([a], [b]) => a - b)
    .map(([start, passages]) => ({
      start,
      id: detailsId(start),
      lines: [...passages].map(([key, passage]) => ({ key, text: describePassage(passage) })),
    }));
}

function describePassage({ exact, mine, others, notes, comments }: { exact: string; mine: HighlightView[]; others: Set<string>; notes: number; comments: number }): string {
  const who = [
    ...mine.map((own) => `your ${own.visibility === "private" ? "private" : "public"} ${own.colour.toLowerCase()} highlight`),
    ...(others.size ? [`${others.size} other reader${others.size === 1 ? "" : "s"}`] : []),
  ];
  const extras = [...(notes ? [`${notes} note${notes === 1 ? "" : "s"}`] : []), ...(comments ? [`${comments} comment${comments === 1 ? "" : "s"}`] : [])];
  return `“${quoteOf(exact)}”: ${who.join(" and ")}${extras.length ? `; ${extras.join(", ")}` : ""}.`;
}

/** The blocks [start, end) touches, by binary search over blocks in document order. */
function blocksOverlapping(blocks: readonly { start: number; end: number }[], start: number, end: number): { start: number; end: number }[] {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  const touched = [];
  for (let n = low; n < blocks.length && blocks[n]!.start < end; n++) touched.push(blocks[n]!);
  return touched;
}
