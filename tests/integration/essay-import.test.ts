import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import type { EssayBlock } from "@/lib/essays/document";
import { importEssayFrom } from "@/lib/essays/import-essay-from";
import { hasSharedFixture, projectFixture, SHARED_FIXTURE, SHARED_FIXTURE_SKIP_NOTE } from "../support/fixtures";

const scratch = mkdtempSync(path.join(tmpdir(), "glossa-import-"));
const OWN_COLUMN = projectFixture("essays", "harbour-post-column.txt");

async function currentRevision(slug: string) {
  const essay = await db.essay.findUniqueOrThrow({ where: { slug }, include: { currentRevision: true } });
  const revision = essay.currentRevision!;
  return { essay, revision, blocks: revision.blocks as unknown as EssayBlock[] };
}

async function essayCount() {
  return { essays: await db.essay.count(), revisions: await db.essayRevision.count() };
}

afterAll(async () => {
  await disconnectDb();
});

describe("importing the project's own column", () => {
  it("stores a clean essay whose block offsets index its canonical text", async () => {
    const result = await importEssayFrom(OWN_COLUMN, { slug: "harbour-post" });
    expect(result.outcome).toBe("created");
    const { revision, blocks } = await currentRevision("harbour-post");
    expect(revision.title.length).toBeGreaterThan(10);
    expect(revision.dek).toBeTruthy();
    expect(blocks.filter((b) => b.kind === "heading").length).toBeGreaterThan(0);
    for (const block of blocks) expect(revision.text.slice(block.start, block.end)).toBe(block.text);
    const text = revision.text;
    for (const chrome of ["cookies", "Advertisement", "All rights reserved", "hours ago", "Related"]) {
      expect(text).not.toContain(chrome);
    }
  });

  it("adds a revision when the same source is imported again with changes, and nothing when unchanged", async () => {
    const again = await importEssayFrom(OWN_COLUMN, { slug: "harbour-post" });
    expect(again.outcome).toBe("unchanged");
    expect(again.revisionNumber).toBe(1);

    const edited = path.join(scratch, "edited.txt");
    writeFileSync(edited, readFileSync(OWN_COLUMN, "utf8").replace("Nobody asked for this.", "Nobody asked for this. One sentence added in revision."));
    const revised = await importEssayFrom(edited, { slug: "harbour-post" });
    expect(revised.outcome).toBe("revised");
    expect(revised.revisionNumber).toBe(2);
    expect(await db.essay.count({ where: { slug: "harbour-post" } })).toBe(1);
    const revisions = await db.essayRevision.findMany({ where: { essayId: revised.essayId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(revisions[1]!.text).toContain("One sentence added in revision.");
    expect(revisions[0]!.text).not.toContain("One sentence added in revision.");
  });
});

describe.skipIf(!hasSharedFixture)("importing the shared fixture (../shared)", () => {
  it("imports “When Negotiations Cause Defeat” as a clean essay", async () => {
    await importEssayFrom(SHARED_FIXTURE);
    const { revision, blocks, essay } = await currentRevision("when-negotiations-cause-defeat");
    expect(essay.source).toBe(SHARED_FIXTURE);
    expect(revision.title).toBe("When Negotiations Cause Defeat");
    expect(revision.dek).toMatch(/^Real change does not come from the negotiating table\./);
    expect(revision.attribution).toBe("The Times of Israel (Blogs)");
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([
      "The Iron Law of Transformational Change",
      "What Was Actually Within Reach",
      "What the Pause Is Producing",
      "The Deepest Problem: Will as a Resource",
      "The Call: Return to the Path of Surrender",
    ]);
    for (const chrome of ["menu_open", "cookies", "QOSHE", "More information", "yesterday", "25 0", "©"]) {
      expect(revision.text).not.toContain(chrome);
    }
  });

  it("re-importing by the same source adds a revision, not a duplicate", async () => {
    const before = await essayCount();
    const result = await importEssayFrom(SHARED_FIXTURE, { slug: "when-negotiations-cause-defeat" });
    expect(result.outcome).toBe("unchanged");
    expect(await essayCount()).toEqual(before);
  });
});

if (!hasSharedFixture) console.warn(SHARED_FIXTURE_SKIP_NOTE);

describe("bad input writes nothing and says what to do", () => {
  const cases: [string, () => string, RegExp][] = [
    ["a missing file", () => path.join(scratch, "nope.txt"), /not found|no such|does not exist/i],
    ["an empty file", () => write("empty.txt", ""), /empty/i],
    ["binary data", () => write("binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff])), /binary|not text|UTF-8/i],
    ["a file over 2 MB", () => write("huge.txt", "word ".repeat(450_000)), /2 MB|too large|larger/i],
    ["a page with no discernible body", () => write("menu.html", "<html><head><title>Menu</title></head><body><nav>Home | News</nav></body></html>"), /body/i],
    ["an unreachable URL", () => "http://127.0.0.1:9/essay", /reach|connect|refused/i],
  ];

  function write(name: string, content: string | Buffer): string {
    const file = path.join(scratch, name);
    writeFileSync(file, content);
    return file;
  }

  let before: Awaited<ReturnType<typeof essayCount>>;
  beforeAll(async () => {
    before = await essayCount();
  });

  it.each(cases)("refuses %s", async (_name, target, message) => {
    await expect(importEssayFrom(target())).rejects.toThrow(message);
    expect(await essayCount()).toEqual(before);
  });

  it("refuses an invalid --slug before reading anything", async () => {
    await expect(importEssayFrom(OWN_COLUMN, { slug: "Not A Slug!" })).rejects.toThrow(/slug/i);
    expect(await essayCount()).toEqual(before);
  });

  it("exits non-zero from the command line with a one-line message", () => {
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/essay-import.ts", path.join(scratch, "nope.txt")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*nope\.txt/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
