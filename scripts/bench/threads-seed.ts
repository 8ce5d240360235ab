import pg from "pg";
import { describe } from "@/lib/anchoring";
import { childPath } from "@/lib/comments/path";
import { renderMarkdown } from "@/lib/markdown/render";
import { seeded } from "./anchoring-workload";

/** The discussion the thread benchmark reads and writes against. */
export interface SeededDiscussion {
  essayId: string;
  slug: string;
  quietSlug: string;
  bigThreadId: number;
  thousandThreadId: number;
  typicalThreadId: number;
  typicalThreadSize: number;
  comments: number;
  highlights: number;
  /** Accounts with no comments yet, for the write benchmark (one comment each keeps within the 1-per-5 s limit). */
  posterIds: string[];
  replyTargets: number[];
}

const SEED_AUTHORS = 500;
const POSTERS = 12_000;
const HIGHLIGHTS = 5_000;
const TOTAL_COMMENTS = 50_000;
const BIG_THREAD = 10_000;
const THOUSAND_THREAD = 1_000;
const TYPICAL_THREAD = 20;
const BATCH = 2_000;

const SENTENCES = [
  "The argument turns on *what counts as a defeat*, and the essay never quite says.",
  "I read this paragraph three times. The claim is stronger than the evidence offered for it.",
  "Compare the timetable of 1938: talks bought time for both sides, not only for one.",
  "> Negotiation is not surrender\n\nNo, but the author treats every pause as one.",
  "Fair point, though the second half of the sentence does a lot of unearned work.",
  "Source? The figures quoted here do not match the ones in the [ministry report](https://example.org/report).",
  "This is the strongest passage in the piece: specific, checkable, and honest about cost.",
  "1. The premise is sound.\n2. The conclusion does not follow.\n3. The example cuts the other way.",
  "I disagree with `almost everything` here, but this line is exactly right.",
  "The essay's tone shifts here from analysis to accusation, and it loses me.",
];

interface CommentSeed {
  id: number;
  highlightId: string | null;
  parentId: number | null;
  rootId: number;
  depth: number;
  path: string;
  authorId: string;
  body: string;
  bodyHtml: string;
  upvotes: number;
  createdAt: Date;
}

const bodies = SENTENCES.map((body) => ({ body, bodyHtml: renderMarkdown(body) }));

/**
 * Builds one thread of `size` comments from id `firstId`. A third of replies
 * answer the root; the rest answer a random earlier comment, which gives the
 * long, branching shape of a real argument (depth grows like log n).
 */
function buildThread(random: () => number, firstId: number, size: number, highlightId: string | null, startedAt: number): CommentSeed[] {
  const thread: CommentSeed[] = [];
  for (let index = 0; index < size; index++) {
    const id = firstId + index;
    const parent = index === 0 ? null : random() < 0.33 ? thread[0]! : thread[Math.floor(random() * index)]!;
    const text = bodies[Math.floor(random() * bodies.length)]!;
    thread.push({
      id,
      highlightId,
      parentId: parent?.id ?? null,
      rootId: firstId,
      depth: parent ? parent.depth + 1 : 0,
      path: childPath(parent?.path ?? null, id),
      authorId: `bench-author-${Math.floor(random() * SEED_AUTHORS)}`,
      body: text.body,
      bodyHtml: text.bodyHtml,
      upvotes: Math.floor(random() ** 3 * 40),
      createdAt: new Date(startedAt + index * 1_000),
    });
  }
  return thread;
}

async function insertUsers(client: pg.Client, prefix: string, count: number, handlePrefix: string): Promise<string[]> {
  await client.query(
    `INSERT INTO "User" (id, handle, name, "emailVerified", "createdAt", "updatedAt")
     SELECT $1 || g, $2 || g, 'Bench Reader ' || g, now() - interval '90 days', now() - interval '90 days', now() FROM generate_series(0, $3::int - 1) g`,
    [prefix, handlePrefix, count],
  );
  return Array.from({ length: count }, (_, index) => `${prefix}${index}`);
}

async function insertHighlights(client: pg.Client, essayId: string, revisionId: string, text: string, random: () => number): Promise<string[]> {
  const ids: string[] = [];
  const rows: unknown[][] = [[], [], [], [], [], [], [], []];
  for (let index = 0; index < HIGHLIGHTS; index++) {
    const start = Math.floor(random() * (text.length - 220));
    const end = start + 20 + Math.floor(random() * 180);
    const selectors = describe(text, start, end);
    const id = `bench-hl-${index}`;
    ids.push(id);
    [id, `bench-author-${index % SEED_AUTHORS}`, selectors.quote.exact, selectors.quote.prefix, selectors.quote.suffix, start, end, ["YELLOW", "GREEN", "BLUE", "PINK", "PURPLE"][index % 5]].forEach(
      (value, column) => rows[column]!.push(value),
    );
  }
  await client.query(
    `INSERT INTO "Highlight" (id, "essayId", "authorId", "revisionId", "originalRevisionId", exact, prefix, suffix, start, "end", colour, visibility, "updatedAt")
     SELECT h.id, $1, h.author, $2, $2, h.exact, h.prefix, h.suffix, h.start, h.stop, h.colour::"HighlightColour", 'PUBLIC', now()
     FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::text[]) AS h(id, author, exact, prefix, suffix, start, stop, colour)`,
    [essayId, revisionId, ...rows],
  );
  return ids;
}

async function insertComments(client: pg.Client, essayId: string, comments: CommentSeed[]): Promise<void> {
  for (let offset = 0; offset < comments.length; offset += BATCH) {
    const batch = comments.slice(offset, offset + BATCH);
    const columns = (pick: (comment: CommentSeed) => unknown) => batch.map(pick);
    await client.query(
      `INSERT INTO "Comment" (id, "essayId", "highlightId", "parentId", "rootId", depth, path, "authorId", body, "bodyHtml", upvotes, "createdAt", "updatedAt")
       SELECT c.id, $1, c.highlight, c.parent, c.root, c.depth, c.path, c.author, c.body, c.html, c.upvotes, c.created, c.created
       FROM unnest($2::int[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::timestamptz[])
         AS c(id, highlight, parent, root, depth, path, author, body, html, upvotes, created)`,
      [
        essayId,
        columns((c) => c.id),
        columns((c) => c.highlightId),
        columns((c) => c.parentId),
        columns((c) => c.rootId),
        columns((c) => c.depth),
        columns((c) => c.path),
        columns((c) => c.authorId),
        columns((c) => c.body),
        columns((c) => c.bodyHtml),
        columns((c) => c.upvotes),
        columns((c) => c.createdAt),
      ],
    );
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('"Comment"', 'id'), (SELECT max(id) FROM "Comment"))`);
}

/**
 * Seeds the benchmark's discussion on the essay `slug`: 5,000 public
 * highlights, 50,000 comments (one thread of 10,000, one of 1,000 on a
 * passage, the rest in threads of 20, general and on passages), their
 * authors, and fresh accounts for the write benchmark.
 */
export async function seedDiscussion(databaseUrl: string, slug: string, quietSlug: string): Promise<SeededDiscussion> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const random = seeded(20_261_125);
    const {
      rows: [essay],
    } = await client.query<{ id: string; revisionId: string; text: string }>(
      `SELECT e.id, r.id AS "revisionId", r.text FROM "Essay" e JOIN "EssayRevision" r ON r.id = e."currentRevisionId" WHERE e.slug = $1`,
      [slug],
    );
    if (!essay) throw new Error(`No essay ${slug} to seed.`);
    await insertUsers(client, "bench-author-", SEED_AUTHORS, "benchauthor");
    const posterIds = await insertUsers(client, "bench-poster-", POSTERS, "benchposter");
    const highlightIds = await insertHighlights(client, essay.id, essay.revisionId, essay.text, random);

    const startedAt = Date.now() - 30 * 24 * 3600 * 1000;
    const comments: CommentSeed[] = [];
    const addThread = (size: number, highlightId: string | null) => {
      const thread = buildThread(random, comments.length + 1, size, highlightId, startedAt + comments.length * 30_000);
      comments.push(...thread);
      return thread[0]!.id;
    };
    const bigThreadId = addThread(BIG_THREAD, null);
    const thousandThreadId = addThread(THOUSAND_THREAD, highlightIds[0]!);
    let typicalThreadId = 0;
    for (let thread = 0; comments.length < TOTAL_COMMENTS; thread++) {
      const id = addThread(Math.min(TYPICAL_THREAD, TOTAL_COMMENTS - comments.length), thread % 3 === 0 ? null : highlightIds[1 + (thread % (highlightIds.length - 1))]!);
      if (thread === 100) typicalThreadId = id;
    }
    await insertComments(client, essay.id, comments);
    await client.query("ANALYZE");
    const replyTargets = comments.filter((comment) => comment.rootId !== bigThreadId).map((comment) => comment.id);
    return {
      essayId: essay.id,
      slug,
      quietSlug,
      bigThreadId,
      thousandThreadId,
      typicalThreadId,
      typicalThreadSize: TYPICAL_THREAD,
      comments: comments.length,
      highlights: highlightIds.length,
      posterIds,
      replyTargets,
    };
  } finally {
    await client.end();
  }
}
