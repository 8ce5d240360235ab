import type { DraftBlock, ImportedEssay } from "@/lib/essays/document";
import { AppError } from "@/lib/errors";
import { classifyChrome, copyrightHolder, isTailMarker, type ChromeKind } from "./chrome";
import { bylineName, isHeadingLike, tidyLine, tidyLineKeepingGaps } from "./prose";

interface Line {
  text: string;
  chrome: ChromeKind | null;
  byline: string | null;
}

/** A standfirst is a sentence or three under the headline, never a full paragraph. */
const MAX_DEK_LENGTH = 320;
/** Three or more headline-like lines in a row are a list of links, not sections. */
const LINK_LIST_RUN = 3;

/**
 * Parses text copied from a web page, one paragraph per line, into an essay.
 *
 * The page's shape is inferred, not assumed: the headline is the last
 * headline-like line before the first sentence of prose; a short first
 * sentence-like line under it is the standfirst; the body runs until the
 * related-stories block or the copyright footer; inside it a headline-like
 * line followed by prose is a section heading. Chrome lines are dropped
 * wherever they appear, and the copyright holder becomes the attribution.
 */
export function parsePlainText(content: string): ImportedEssay {
  const lines: Line[] = content
    .split(/\r\n?|\n/)
    .map((raw) => ({ text: tidyLine(raw), gapped: tidyLineKeepingGaps(raw) }))
    .filter((line) => line.text)
    .map(({ text, gapped }) => ({ text, chrome: classifyChrome(gapped), byline: bylineName(text) }));

  const attribution =
    lines
      .filter((line) => line.chrome === "copyright")
      .map((line) => copyrightHolder(line.text))
      .findLast(Boolean) ?? null;
  const isContent = (line: Line) => line.chrome === null && line.byline === null;

  const firstProse = lines.findIndex((line) => isContent(line) && !isHeadingLike(line.text));
  const titleIndex = lines.findLastIndex((line, index) => index < (firstProse === -1 ? lines.length : firstProse) && isContent(line) && isHeadingLike(line.text));
  if (titleIndex === -1 || firstProse === -1) {
    throw new AppError("VALIDATION", "Could not find the essay's headline and body: put the headline on a line of its own above the paragraphs.");
  }

  const bodyEnd = findBodyEnd(lines, firstProse);
  const candidates = lines
    .slice(firstProse, bodyEnd)
    .filter(isContent)
    .map((line) => line.text);
  const dek = candidates.length > 2 && candidates[0]!.length <= MAX_DEK_LENGTH && !isHeadingLike(candidates[0]!) ? candidates.shift()! : null;
  const byline = lines.slice(0, bodyEnd).find((line) => line.byline !== null)?.byline ?? null;

  return {
    title: lines[titleIndex]!.text,
    dek,
    byline,
    attribution,
    blocks: dropAuthorNote(structureBody(candidates), byline),
  };
}

/** The body ends at the related-stories block or the copyright footer. */
function findBodyEnd(lines: readonly Line[], bodyStart: number): number {
  const end = lines.findIndex((line, index) => index > bodyStart && (line.chrome === "copyright" || isTailMarker(line.text)));
  return end === -1 ? lines.length : end;
}

function structureBody(texts: readonly string[]): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let index = 0;
  while (index < texts.length) {
    if (!isHeadingLike(texts[index]!)) {
      blocks.push({ kind: "paragraph", text: texts[index]! });
      index += 1;
      continue;
    }
    let runEnd = index;
    while (runEnd < texts.length && isHeadingLike(texts[runEnd]!)) runEnd += 1;
    const followedByProse = runEnd < texts.length;
    // A run of headline-like lines with no prose after it, or a long run, is a
    // list of links to other stories, however it is title-cased.
    if (followedByProse && runEnd - index < LINK_LIST_RUN) {
      for (const text of texts.slice(index, runEnd)) blocks.push({ kind: "heading", text });
    }
    index = runEnd;
  }
  return blocks;
}

/** The italic "Maren Okafor is a transport writer…" note after an article is about the author, not the essay. */
function dropAuthorNote(blocks: DraftBlock[], byline: string | null): DraftBlock[] {
  const last = blocks.at(-1);
  if (!byline || !last || last.kind !== "paragraph" || blocks.length < 3) return blocks;
  const aboutAuthor = new RegExp(`^${byline.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+(?:is|was|writes|teaches|lives|has)\\b`);
  return aboutAuthor.test(last.text) ? blocks.slice(0, -1) : blocks;
}
