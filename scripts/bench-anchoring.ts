import path from "node:path";
import { build } from "esbuild";
import { JSDOM } from "jsdom";
import { chromium } from "@playwright/test";
import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
import { anchorAll, anchorAllInChunks, createAnchorer, type Selectors } from "@/lib/anchoring";
import { canonicalText, placeBlocks, type DraftBlock } from "@/lib/essays/document";
import { parseEssay } from "@/lib/essays/import";
import { loadSource } from "@/lib/essays/import/load-source";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../tests/support/chromium";
import { hasSharedFixture, projectFixture, SHARED_FIXTURE } from "../tests/support/fixtures";
import { buildRevisionSet, evaluate, loadEssay, PROJECT_ESSAYS, type MatcherFor, type RevisionUnderTest } from "../tests/support/revision-set";
import { makeHighlights, reviseText, seeded } from "./bench/anchoring-workload";
import { hypothesisAnchor } from "./bench/hypothesis-match-quote";

// npm run bench:anchoring — anchoring and painting figures, measured in one run, in Node and in Chromium.
const RUNS = 7;
const HIGHLIGHTS = 1_000;
const PAINTED = 5_000;

async function essayBlocks(): Promise<{ blocks: DraftBlock[]; sources: string[] }> {
  const files = [
    ...(hasSharedFixture ? [SHARED_FIXTURE] : []),
    projectFixture("essays", "harbour-post-column.txt"),
    projectFixture("essays", "lantern-review-essay.html"),
    path.join(PROJECT_ROOT, "prisma", "seed", "demo-essay.md"),
  ];
  const blocks: DraftBlock[] = [];
  for (const file of files) blocks.push(...(await parseEssay(await loadSource(file))).blocks);
  return { blocks, sources: files.map((file) => path.relative(PROJECT_ROOT, file)) };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}

async function time(runs: number, work: () => unknown | Promise<unknown>) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

/** Apache Annotator's exact TextQuote matching over a DOM range of the text, first match per selector. */
async function apacheMatchAll(document: Document, list: readonly Selectors[]) {
  const scope = document.createRange();
  scope.selectNodeContents(document.body);
  let found = 0;
  for (const selectors of list) {
    const matches = createTextQuoteSelectorMatcher(selectors.quote)(scope);
    const first = await matches.next();
    if (!first.done) found += 1;
  }
  return found;
}

async function measureInNode(text: string, revised: string, list: Selectors[]) {
  const unchanged = await time(RUNS, () => anchorAll(list, text));
  const edited = await time(RUNS, () => anchorAllInChunks(list, revised));
  const chunked = await anchorAllInChunks(list, revised);
  const glossaQuote = await time(3, () => anchorAll(list, revised));
  const dom = new JSDOM(`<body></body>`);
  // Apache Annotator walks text with the DOM's globals; give Node jsdom's.
  Object.assign(globalThis, { NodeFilter: dom.window.NodeFilter, Node: dom.window.Node });
  dom.window.document.body.textContent = revised;
  const apache = await time(3, () => apacheMatchAll(dom.window.document, list));
  const apacheFound = await apacheMatchAll(dom.window.document, list);
  const outcome = chunked.anchors.reduce((counts, anchor) => ({ ...counts, [anchor.status]: (counts[anchor.status] ?? 0) + 1 }), {} as Record<string, number>);
  return { unchanged, edited, longestTask: chunked.longestTaskMs, glossaQuote, apache, apacheFound, outcome };
}

const glossaMatcher: MatcherFor = (text) => {
  const anchorer = createAnchorer(text);
  return (selectors) => {
    const result = anchorer.anchor(selectors);
    return result.status === "anchored" ? { start: result.start, end: result.end } : null;
  };
};

const hypothesisMatcher: MatcherFor = (text) => (selectors) => hypothesisAnchor(selectors, text);

/**
 * The revision set of issue 16 (tests/support/revision-set): how often each
 * matcher is right, puts a highlight on the wrong words, or orphans one that
 * could have been placed, and how long it takes over the whole set.
 */
async function measureRevisionSet(set: RevisionUnderTest[]) {
  const rows = [];
  for (const [name, matcher] of [
    ["Glossa", glossaMatcher],
    ["Hypothesis match-quote (ported)", hypothesisMatcher],
  ] as const) {
    const tally = evaluate(set, matcher);
    rows.push({ name, tally, time: await time(3, () => evaluate(set, matcher)) });
  }
  return rows;
}

async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { anchorAll, anchorAllInChunks } from "@/lib/anchoring";
        import { createPainter } from "@/lib/highlights/paint";
        import { createTextQuoteSelectorMatcher } from "@apache-annotator/dom";
        window.glossaBench = { anchorAll, anchorAllInChunks, createPainter, createTextQuoteSelectorMatcher };
      `,
      resolveDir: PROJECT_ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    write: false,
    platform: "browser",
    alias: { "@": PROJECT_ROOT },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

async function measureInChromium(blocks: DraftBlock[], text: string, revised: string, list: Selectors[], paintItems: { start: number; end: number }[]) {
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const html = placeBlocks(blocks)
      .map(
        (block) =>
          `<${block.kind === "heading" ? "h2" : "p"} data-block data-start="${block.start}" data-end="${block.end}">${block.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${block.kind === "heading" ? "h2" : "p"}>`,
      )
      .join("");
    await page.setContent(`<!doctype html><html><body><article><div data-essay-body>${html}</div></article><pre id="revised"></pre></body></html>`);
    // tsx compiles the in-page function below with esbuild's keepNames helper; define it in the page.
    await page.addScriptTag({ content: "window.__name = (fn) => fn;" });
    await page.addScriptTag({ content: await browserBundle() });
    return await page.evaluate(
      async ({ text, revised, list, paintItems, runs }) => {
        type Bench = {
          anchorAll: (l: unknown[], t: string) => unknown[];
          anchorAllInChunks: (l: unknown[], t: string) => Promise<{ longestTaskMs: number }>;
          createPainter: (body: HTMLElement) => { paint(scene: unknown): void; clear(): void };
          createTextQuoteSelectorMatcher: (s: unknown) => (scope: Range) => AsyncGenerator<Range>;
        };
        const bench = (window as unknown as { glossaBench: Bench }).glossaBench;
        const stats = (samples: number[]) => {
          const sorted = [...samples].sort((a, b) => a - b);
          return { median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
        };
        const timeIt = async (n: number, work: () => unknown) => {
          const samples: number[] = [];
          for (let run = 0; run < n; run++) {
            const started = performance.now();
            await work();
            samples.push(performance.now() - started);
          }
          return stats(samples);
        };
        const unchanged = await timeIt(runs, () => bench.anchorAll(list, text));
        const edited = await timeIt(runs, () => bench.anchorAllInChunks(list, revised));
        const longestTask = (await bench.anchorAllInChunks(list, revised)).longestTaskMs;
        const glossaQuote = await timeIt(3, () => bench.anchorAll(list, revised));

        const revisedNode = document.getElementById("revised")!;
        revisedNode.textContent = revised;
        const scope = document.createRange();
        scope.selectNodeContents(revisedNode);
        const apache = await timeIt(3, async () => {
          for (const selectors of list as { quote: object }[])
            await bench
              .createTextQuoteSelectorMatcher({ type: "TextQuoteSelector", ...selectors.quote })(scope)
              .next();
        });
        revisedNode.textContent = "";

        const body = document.querySelector<HTMLElement>("[data-essay-body]")!;
        const painter = bench.createPainter(body);
        const colours = ["yellow", "green", "blue", "pink", "purple"];
        const own = paintItems.map((item, index) => ({ id: String(index), ...item, colour: colours[index % colours.length] }));
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const paintCall: number[] = [];
        const paintToFrame: number[] = [];
        for (let run = 0; run < runs; run++) {
          painter.clear();
          await frame();
          const started = performance.now();
          painter.paint({ own, density: [] });
          paintCall.push(performance.now() - started);
          await frame();
          paintToFrame.push(performance.now() - started);
        }
        return { unchanged, edited, longestTask, glossaQuote, apache, paintCall: stats(paintCall), paintToFrame: stats(paintToFrame), native: "highlights" in CSS };
      },
      { text, revised, list, paintItems, runs: RUNS },
    );
  } finally {
    await browser.close();
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const pair = (figure: { median: number; max: number }) => `${ms(figure.median)} (max ${ms(figure.max)})`;
const verdict = (value: number, target: number) => (value <= target ? "PASS" : "MISS");

const { blocks, sources } = await essayBlocks();
const text = canonicalText(blocks);
const random = seeded(20261125);
const list = makeHighlights(text, HIGHLIGHTS, random);
const { revised, edited } = reviseText(text, list, random);
const paintItems = makeHighlights(text, PAINTED, seeded(7)).map((selectors) => selectors.position);

console.log(`Essay text: ${text.length.toLocaleString("en")} characters from ${sources.join(", ")}${hasSharedFixture ? "" : " (../shared absent: the shared column is not included)"}.`);
console.log(
  `Workload: ${HIGHLIGHTS} highlights of 10–300 characters; the revision inserts a word inside ${edited} of them (${((edited / HIGHLIGHTS) * 100).toFixed(0)}%) and prepends a paragraph. Medians of ${RUNS} runs.\n`,
);

const node = await measureInNode(text, revised, list);
const browser = await measureInChromium(blocks, text, revised, list, paintItems);

const rows: [string, string, string, string, string][] = [
  ["anchor 1,000 on the unchanged essay", pair(node.unchanged), pair(browser.unchanged), "≤ 16 ms", verdict(Math.max(node.unchanged.median, browser.unchanged.median), 16)],
  ["anchor 1,000 after a 20% revision (total)", pair(node.edited), pair(browser.edited), "≤ 200 ms", verdict(Math.max(node.edited.median, browser.edited.median), 200)],
  ["  longest main-thread task in that run", ms(node.longestTask), ms(browser.longestTask), "≤ 50 ms", verdict(Math.max(node.longestTask, browser.longestTask), 50)],
  [`paint ${PAINTED.toLocaleString("en")} highlights (paint call)`, "—", pair(browser.paintCall), "≤ 100 ms", verdict(browser.paintCall.median, 100)],
  [`  paint ${PAINTED.toLocaleString("en")} to the next rendered frame`, "—", pair(browser.paintToFrame), "(context)", ""],
  ["quote search, Glossa (all 1,000, revised text)", pair(node.glossaQuote), pair(browser.glossaQuote), "", ""],
  ["quote search, @apache-annotator/dom (exact only)", pair(node.apache), pair(browser.apache), "", ""],
  ["  ratio apache / Glossa (higher: Glossa faster)", `${(node.apache.median / node.glossaQuote.median).toFixed(1)}×`, `${(browser.apache.median / browser.glossaQuote.median).toFixed(1)}×`, "", ""],
];
const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...[["measurement", "Node", "Chromium", "target", ""], ...rows].map((row) => row[column]!.length)));
const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ");
console.log(line(["measurement", "Node", "Chromium", "target", ""]));
console.log(widths.map((width) => "-".repeat(width)).join("  "));
for (const row of rows) console.log(line(row));
console.log(
  `\nAfter the revision: Glossa anchored ${node.outcome.anchored ?? 0} and orphaned ${node.outcome.orphaned ?? 0}; Apache Annotator's exact matcher found ${node.apacheFound} (it has no fuzzy step, so edited passages are lost to it).`,
);
console.log(`The quote-search rows compare the same 1,000 selectors on the same revised text; Glossa's figure includes its fuzzy matching of the edited passages.`);
console.log(`Node: ${process.version}. CSS Custom Highlight API in Chromium: ${browser.native ? "yes" : "no (mark fallback)"}.`);

const revisionSets = [{ label: "the project's essays", set: buildRevisionSet(await Promise.all(PROJECT_ESSAYS.map(loadEssay))) }];
if (hasSharedFixture) revisionSets.push({ label: "the shared column", set: buildRevisionSet([await loadEssay(SHARED_FIXTURE)]) });
for (const { label, set } of revisionSets) {
  const highlights = set.reduce((sum, revision) => sum + revision.cases.length, 0);
  const mustPlace = set.reduce((sum, revision) => sum + revision.cases.filter((item) => item.expectation.outcome === "place").length, 0);
  console.log(
    `\nRevision set of ${label} (tests/support/revision-set): ${highlights.toLocaleString("en")} highlights on ${set.length} revisions (typo and punctuation fixes, rewrites, added, moved and deleted paragraphs, a renamed and moved section, a rewritten section, all combined); ${mustPlace.toLocaleString("en")} must be placed. Node, medians of 3 runs over the whole set.`,
  );
  const table: string[][] = [["matcher", "right", "wrong", "wrongly orphaned", "  (1 / 2 / 3)", "time"]];
  for (const { name, tally, time: taken } of await measureRevisionSet(set)) {
    const kinds = `${tally.byKind["1: short quote on other words"]} / ${tally.byKind["2: across a block break or inside a word"]} / ${tally.byKind["3: changed words orphaned, old words elsewhere"]}`;
    table.push([name, String(tally.right), String(tally.wrong), String(tally.wronglyOrphaned), `  ${kinds}`, pair(taken)]);
  }
  const setWidths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table) console.log(row.map((cell, column) => cell.padEnd(setWidths[column]!)).join("  "));
}
console.log(
  "Kinds of issue 16: 1 a short quote put on the same words elsewhere, 2 a match across a block break or inside a word, 3 a repeated word changed by a character orphaned. Hypothesis's matcher has no threshold: any match it returns is used.",
);
