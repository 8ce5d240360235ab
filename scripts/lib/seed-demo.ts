import path from "node:path";
import { db } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { loadSource } from "@/lib/essays/import/load-source";
import { parseEssay } from "@/lib/essays/import";
import { saveImportedEssay } from "@/lib/essays/save-imported-essay";

export const DEMO_ESSAY_PATH = path.join(PROJECT_ROOT, "prisma", "seed", "demo-essay.md");
export const DEMO_ESSAY_SLUG = "reading-with-a-pencil";

/**
 * Seeds the project's own demo essay on a database with no essays, so a fresh
 * install has something to read. Returns its slug when it seeded, else null.
 */
export async function seedDemoEssay(): Promise<string | null> {
  if ((await db.essay.count()) > 0) return null;
  const essay = await parseEssay(await loadSource(DEMO_ESSAY_PATH));
  const saved = await saveImportedEssay({ essay, source: null, slug: DEMO_ESSAY_SLUG });
  return saved.slug;
}
