import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe as describeRange } from "@/lib/anchoring";
import type { EssayBlock } from "@/lib/essays/document";
import { runCli } from "./lib/cli";
import { createFreshDatabase } from "../tests/support/database";

// npm run bench:revisions: what publishing a revision costs an essay readers
// have worked on (5,000 highlights, 500 threads), for the dry run an editor
// waits for and for the publication itself (re-anchoring every highlight,
// notices, audit), medians of runs in one process.
const HIGHLIGHTS = 5_000;
const THREADS = 500;
const READERS = 100;
const RUNS = 5;

type Blocks = { kind: "heading" | "paragraph"; text: string }[];

/** A deterministic pseudo-random sequence, so every run measures the same highlights and edits. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The edits an editor makes in a revision: two paragraphs deleted, one moved, words changed in five, a heading renamed. */
function revise(original: Blocks): Blocks {
  const blocks = original.map((block) => ({ ...block }));
  const paragraphs = blocks.flatMap((block, index) => (block.kind === "paragraph" ? [index] : []));
  for (const index of paragraphs.slice(1, 6)) blocks[index]!.text = blocks[index]!.text.replace(/\b(the|a|and)\b/, (word) => `${word} very`);
  const heading = blocks.findIndex((block) => block.kind === "heading");
  if (heading >= 0) blocks[heading]!.text = `${blocks[heading]!.text}, revisited`;
  const [moved] = blocks.splice(paragraphs[6]!, 1);
  blocks.splice(paragraphs[12]!, 0, moved!);
  return blocks.filter((_block, index) => index !== paragraphs[3] && index !== paragraphs[9]);
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

await runCli(async () => {
  const database = await createFreshDatabase("bench-revisions");
  process.env.DATABASE_URL = database.url;
  const { db, disconnectDb } = await import("@/lib/db/client");
  const { seedDemoEssay, DEMO_ESSAY_SLUG } = await import("./lib/seed-demo");
  const { viewerFromToken } = await import("@/lib/auth/viewer");
  const { dryRunRevision } = await import("@/lib/essays/dry-run-revision");
  const { reviseEssay } = await import("@/lib/essays/revise-essay");
  try {
    await seedDemoEssay();
    const essay = await db.essay.findUniqueOrThrow({ where: { slug: DEMO_ESSAY_SLUG }, include: { currentRevision: true } });
    const revision = essay.currentRevision!;
    const original = (revision.blocks as unknown as EssayBlock[]).map(({ kind, text }) => ({ kind, text }));
    const edited = revise(original);

    const random = seededRandom(7);
    await db.user.createMany({
      data: Array.from({ length: READERS }, (_, index) => ({ email: `bench-${index}@example.test`, handle: `bench-${index}`, name: `Reader ${index}`, emailVerified: new Date() })),
    });
    const readers = await db.user.findMany({ where: { handle: { startsWith: "bench-" } }, select: { id: true } });
    const editorRow = await db.user.create({ data: { email: "editor@example.test", handle: "bench-editor", name: "Editor", role: "EDITOR", emailVerified: new Date() } });
    const editor = (await viewerFromToken({ uid: editorRow.id, sv: 0 }))!;

    // Highlights of 1 to 25 words, word-aligned, anywhere in the body's paragraphs.
    const words = [...revision.text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    const rows = Array.from({ length: HIGHLIGHTS }, (_, index) => {
      const first = Math.floor(random() * (words.length - 30));
      const last = Math.min(words.length - 1, first + Math.floor(random() * 25));
      const selectors = describeRange(revision.text, words[first]!.start, words[last]!.end);
      return {
        essayId: essay.id,
        authorId: readers[index % readers.length]!.id,
        revisionId: revision.id,
        originalRevisionId: revision.id,
        exact: selectors.quote.exact,
        prefix: selectors.quote.prefix,
        suffix: selectors.quote.suffix,
        start: selectors.position.start,
        end: selectors.position.end,
        visibility: random() < 0.3 ? ("PUBLIC" as const) : ("PRIVATE" as const),
      };
    });
    await db.highlight.createMany({ data: rows });
    const publicIds = (await db.highlight.findMany({ where: { essayId: essay.id, visibility: "PUBLIC" }, select: { id: true }, orderBy: [{ start: "asc" }, { id: "asc" }], take: THREADS })).map(
      (row) => row.id,
    );
    // Threads as rows (their paths are not read here): a root and two replies each, by three readers.
    for (const [index, highlightId] of publicIds.entries()) {
      const root = await db.comment.create({ data: { essayId: essay.id, highlightId, authorId: readers[index % READERS]!.id, body: "A root.", bodyHtml: "<p>A root.</p>", path: `bench-${index}` } });
      await db.comment.createMany({
        data: [1, 2].map((reply) => ({
          essayId: essay.id,
          highlightId,
          parentId: root.id,
          rootId: root.id,
          depth: 1,
          authorId: readers[(index + reply * 7) % READERS]!.id,
          body: "A reply.",
          bodyHtml: "<p>A reply.</p>",
          path: `bench-${index}-${reply}`,
        })),
      });
    }
    console.log(`Seeded ${HIGHLIGHTS.toLocaleString("en")} highlights (${publicIds.length} public ones with a thread of 3) on “${revision.title}” (${revision.wordCount.toLocaleString("en")} words).`);

    // The longest the event loop waited during each kind of run: what every other request on this instance waited at worst.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const dryRuns: number[] = [];
    let report = null as Awaited<ReturnType<typeof dryRunRevision>>["report"] | null;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      report = (await dryRunRevision(essay.id, { source: { kind: "blocks", title: revision.title, dek: revision.dek, byline: revision.byline, attribution: revision.attribution, blocks: edited } }))
        .report;
      dryRuns.push(performance.now() - started);
    }
    const dryRunDelay = loopDelay.max;
    loopDelay.reset();
    // Publishing alternates between the edited text and the original, so every run moves, changes and orphans highlights.
    const publishes: number[] = [];
    const notices: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const blocks = run % 2 === 0 ? edited : original;
      const started = performance.now();
      const done = await reviseEssay(editor, essay.id, {
        baseRevision: run + 1,
        source: { kind: "blocks", title: revision.title, dek: revision.dek, byline: revision.byline, attribution: revision.attribution, blocks },
      });
      publishes.push(performance.now() - started);
      notices.push(done.notified);
    }
    loopDelay.disable();
    console.log(`Dry run of the edited revision: ${JSON.stringify(report!.highlights)} highlights, ${JSON.stringify(report!.threads)} threads, ${report!.passages.length} passages listed.`);
    console.log(`| figure (median of ${RUNS}) | ms |`);
    console.log(`| --- | --- |`);
    console.log(`| dry run (preview + re-anchor ${HIGHLIGHTS.toLocaleString("en")} highlights, no writes) | ${median(dryRuns).toFixed(0)} |`);
    console.log(`| publish (revision, re-anchor, notices, audit, one transaction) | ${median(publishes).toFixed(0)} |`);
    console.log(`| longest event-loop delay during the dry runs (other requests' worst wait) | ${(dryRunDelay / 1e6).toFixed(0)} |`);
    console.log(`| longest event-loop delay during the publications | ${(loopDelay.max / 1e6).toFixed(0)} |`);
    console.log(`Notices written per publication: ${notices.join(", ")}.`);
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
