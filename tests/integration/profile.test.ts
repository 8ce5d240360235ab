import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicProfile } from "@/lib/auth/account-queries";
import { db, disconnectDb } from "@/lib/db/client";
import { createTestEssay } from "../support/essays";

// A reader's profile lists their public highlights and published comments:
// only on essays every reader can still open.

const run = Date.now().toString(36);
let handle: string;
let live: { highlight: string; comment: number };
let withdrawn: { highlight: string; comment: number };

async function activity(authorId: string, label: string) {
  const essay = await createTestEssay(`profile-${label}`, `On ${label}`, [{ kind: "paragraph", text: `Words about ${label} to highlight.` }]);
  const highlight = await db.highlight.create({
    data: {
      essayId: essay.essayId,
      authorId,
      revisionId: essay.revisionId,
      originalRevisionId: essay.revisionId,
      exact: "Words",
      prefix: "",
      suffix: " about",
      start: 0,
      end: 5,
      visibility: "PUBLIC",
      note: `A note on ${label}`,
    },
  });
  const comment = await db.comment.create({ data: { essayId: essay.essayId, authorId, body: `A comment on ${label}`, bodyHtml: `<p>A comment on ${label}</p>`, path: `profile-${run}-${label}` } });
  return { essayId: essay.essayId, highlight: highlight.id, comment: comment.id };
}

beforeAll(async () => {
  handle = `profile-${run}`;
  const author = await db.user.create({ data: { email: `${handle}@example.test`, handle, name: "Profiled", emailVerified: new Date() } });
  live = await activity(author.id, "live");
  const taken = await activity(author.id, "withdrawn");
  await db.essay.update({ where: { id: taken.essayId }, data: { unpublishedAt: new Date() } });
  withdrawn = taken;
});

afterAll(async () => {
  await disconnectDb();
});

describe("a public profile", () => {
  it("lists highlights and comments on published essays, never on one an editor unpublished", async () => {
    const profile = await publicProfile(handle);
    expect(profile?.highlights.map((highlight) => highlight.id)).toEqual([live.highlight]);
    expect(profile?.comments.map((comment) => comment.id)).toEqual([live.comment]);
    expect(JSON.stringify(profile)).not.toContain("withdrawn");
    expect([withdrawn.highlight, withdrawn.comment].some((id) => JSON.stringify(profile).includes(`"${id}"`))).toBe(false);
  });
});
