import "server-only";
import type { DraftBlock, ImportedEssay } from "./document";
import { countWords } from "./document";
import type { EssayDraft, EssaySource } from "./editor-schemas";
import { parseEssay } from "./import";
import { classifyChrome, type ChromeKind } from "./import/chrome";
import { loadPublicUrl, loadSentText, type LoadedSource } from "./import/load-source";
import { bylineName } from "./import/prose";
import { sourceLines, type SourceLine } from "./import/source-lines";
import { AppError } from "@/lib/errors";

/** What became of one line of the source. */
export type LineUse = "title" | "dek" | "byline" | "attribution" | "body" | "dropped" | "kept";

/** One line of the source in the preview, with what the importer did with it and why. */
export interface PreviewLine {
  index: number;
  text: string;
  use: LineUse;
  /** For a dropped line: why the importer judged it not part of the essay. */
  reason: string | null;
}

/** One block of the essay as it will be published, and where it came from (so the editor can drop it). */
export interface PreviewBlock extends DraftBlock {
  /** The importer's block number (what "drop" names), or null for a line the editor kept. */
  block: number | null;
  /** The source line a kept block is, or null. */
  line: number | null;
}

/** The essay an import will publish, and what was left out of it. */
export interface ImportPreview {
  title: string;
  dek: string | null;
  byline: string | null;
  attribution: string | null;
  blocks: PreviewBlock[];
  /** The importer's blocks the editor left out, so they can be put back. */
  droppedBlocks: { block: number; kind: DraftBlock["kind"]; text: string }[];
  lines: PreviewLine[];
  format: "text" | "markdown" | "html" | "blocks";
  /** The page's address for a URL import (the essay's source), otherwise null. */
  url: string | null;
  words: number;
}

const CHROME_REASONS: Record<ChromeKind, string> = {
  menu: "menu or interface label",
  cookie: "cookie notice",
  counter: "counter",
  date: "date or reading time",
  advertising: "advertising label",
  share: "share button",
  copyright: "copyright footer",
  promo: "link to another story",
};

const key = (text: string) => text.replace(/\s+/g, " ").trim();

/** Loads a draft's source; edited blocks have none. */
async function loadDraftSource(source: EssaySource): Promise<LoadedSource | null> {
  switch (source.kind) {
    case "url":
      return loadPublicUrl(source.url);
    case "text":
      return loadSentText(source.text, null, source.format);
    case "file":
      return loadSentText(source.content, source.name, source.format);
    case "blocks":
      return null;
  }
}

const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * Finds which block of the essay each line of the source became, in order:
 * the same words (whitespace aside) at or after the last match, or, for a
 * line of 12 or more letters, a part of the current block or one of the next
 * two (a Markdown paragraph spans several lines; inline marks and images are
 * gone from the block). Blocks are keyed once: matching each line against
 * every block made a 1.5 MB paste with every third line chrome run for
 * minutes.
 */
function blockMatcher(blocks: readonly DraftBlock[]) {
  const byKey = new Map<string, number[]>();
  blocks.forEach((block, index) => {
    const list = byKey.get(key(block.text)) ?? [];
    list.push(index);
    byKey.set(key(block.text), list);
  });
  const looseBlocks = blocks.map((block) => loose(block.text));
  return (line: string, from: number): number | null => {
    const same = byKey.get(key(line));
    if (same) return same.find((index) => index >= from) ?? same[0]!;
    const words = loose(line);
    if (words.length < 12) return null;
    for (let index = Math.max(0, from - 1); index < Math.min(blocks.length, from + 3); index++) if (looseBlocks[index]!.includes(words)) return index;
    return null;
  };
}

function classifyLines(lines: SourceLine[], essay: ImportedEssay): { lines: PreviewLine[]; blockOfLine: Map<number, number> } {
  const blockOfLine = new Map<number, number>();
  const blockForLine = blockMatcher(essay.blocks);
  let cursor = 0;
  const titleAt = lines.findIndex((line) => key(line.text) === key(essay.title));
  let lastBody = -1;
  const classified = lines.map(({ gapped, ...line }): PreviewLine => {
    const text = key(line.text);
    const block = blockForLine(line.text, cursor);
    if (block !== null) {
      blockOfLine.set(line.index, block);
      cursor = Math.max(cursor, block + 1);
      lastBody = line.index;
      return { ...line, use: "body", reason: null };
    }
    if (text === key(essay.title)) return { ...line, use: "title", reason: null };
    if (essay.dek && key(essay.dek) === text) return { ...line, use: "dek", reason: null };
    if (essay.byline && bylineName(line.text) === essay.byline) return { ...line, use: "byline", reason: null };
    const chrome = classifyChrome(gapped);
    if (chrome === "copyright" && essay.attribution && text.includes(essay.attribution)) return { ...line, use: "attribution", reason: null };
    return { ...line, use: "dropped", reason: chrome ? CHROME_REASONS[chrome] : null };
  });
  // Lines with no chrome rule against them were dropped for where they are.
  for (const line of classified) {
    if (line.use !== "dropped" || line.reason) continue;
    line.reason = titleAt !== -1 && line.index < titleAt ? "above the headline" : line.index > lastBody ? "after the article" : "not part of the article";
  }
  return { lines: classified, blockOfLine };
}

/** The essay with the editor's choices applied: dropped blocks out, kept lines in at their place in the source. */
function applyChoices(essay: ImportedEssay, lines: PreviewLine[], blockOfLine: Map<number, number>, draft: EssayDraft): PreviewBlock[] {
  const dropped = new Set(draft.drop ?? []);
  const kept = new Set(draft.keep ?? []);
  for (const index of dropped) if (index >= essay.blocks.length) throw new AppError("VALIDATION", `There is no block ${index} to drop: preview the import again.`);
  const linesByIndex = new Map(lines.map((line) => [line.index, line]));
  for (const index of kept) {
    const line = linesByIndex.get(index);
    if (!line || line.use !== "dropped") throw new AppError("VALIDATION", `Line ${index} was not dropped, so it cannot be kept: preview the import again.`);
    line.use = "kept";
  }
  // Each kept line goes after the block of the nearest body line above it.
  const insertions = new Map<number, PreviewBlock[]>();
  let blockAbove = -1;
  for (const line of lines) {
    const block = blockOfLine.get(line.index);
    if (block !== undefined) blockAbove = block;
    if (line.use === "kept") {
      const list = insertions.get(blockAbove) ?? [];
      // A paragraph: a kept line is a date or a caption far more often than a section heading.
      list.push({ kind: "paragraph", text: line.text, block: null, line: line.index });
      insertions.set(blockAbove, list);
    }
  }
  const result: PreviewBlock[] = [...(insertions.get(-1) ?? [])];
  essay.blocks.forEach((block, index) => {
    if (!dropped.has(index)) result.push({ ...block, block: index, line: null });
    result.push(...(insertions.get(index) ?? []));
  });
  if (result.length === 0) throw new AppError("VALIDATION", "Every block is dropped: keep at least one paragraph.");
  return result;
}

/**
 * Turns a draft into the essay it would publish, without storing anything:
 * the importer's title, standfirst, byline, attribution and blocks, every
 * line of the source with what became of it (the lines dropped as site
 * chrome, and why), and the editor's choices applied. Publishing a draft
 * runs this same function, so what was previewed is what is published.
 */
export async function previewEssayImport(draft: EssayDraft): Promise<ImportPreview> {
  const source = draft.source;
  if (source.kind === "blocks") {
    if (draft.keep?.length) throw new AppError("VALIDATION", "Edited blocks have no dropped lines to keep.");
    const essay: ImportedEssay = { title: source.title, dek: source.dek || null, byline: source.byline || null, attribution: source.attribution || null, blocks: source.blocks };
    const blocks = applyChoices(essay, [], new Map(), draft);
    return { ...essay, blocks, droppedBlocks: leftOut(essay, draft), lines: [], format: "blocks", url: null, words: countWords(blocks.map((block) => block.text).join(" ")) };
  }
  const loaded = (await loadDraftSource(source))!;
  const essay = await parseEssay(loaded);
  const classified = classifyLines(await sourceLines(loaded), essay);
  const blocks = applyChoices(essay, classified.lines, classified.blockOfLine, draft);
  return {
    title: essay.title,
    dek: essay.dek,
    byline: essay.byline,
    attribution: essay.attribution,
    blocks,
    droppedBlocks: leftOut(essay, draft),
    lines: classified.lines,
    format: loaded.format,
    url: source.kind === "url" ? loaded.origin : null,
    words: countWords(blocks.map((block) => block.text).join(" ")),
  };
}

function leftOut(essay: ImportedEssay, draft: EssayDraft): ImportPreview["droppedBlocks"] {
  return [...new Set(draft.drop ?? [])].sort((a, b) => a - b).map((block) => ({ block, kind: essay.blocks[block]!.kind, text: essay.blocks[block]!.text }));
}

/** A preview as the essay to store. */
export function previewedEssay(preview: ImportPreview): ImportedEssay {
  return { title: preview.title, dek: preview.dek, byline: preview.byline, attribution: preview.attribution, blocks: preview.blocks.map(({ kind, text }) => ({ kind, text })) };
}
