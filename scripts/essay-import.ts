import { parseArgs } from "node:util";
import { runCli } from "./lib/cli";
import { ensurePrismaClient } from "./lib/ensure-prisma-client";
import { AppError } from "@/lib/errors";

// npm run essay:import -- <file-or-URL> [--slug <slug>]
await runCli(async () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { slug: { type: "string" } } });
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${(error as Error).message}. Usage: npm run essay:import -- <file-or-URL> [--slug <slug>]`);
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) {
    throw new AppError("BAD_REQUEST", "Usage: npm run essay:import -- <file-or-URL> [--slug <slug>] (exactly one file or URL).");
  }
  // The importer reaches the generated Prisma client: make sure it exists (and is current) before loading it.
  ensurePrismaClient();
  const { importEssayFrom } = await import("@/lib/essays/import-essay-from");
  const { prepareDatabase } = await import("@/lib/db/prepare");
  const { disconnectDb } = await import("@/lib/db/client");

  const database = await prepareDatabase("app");
  process.env.DATABASE_URL = database.url;
  try {
    const result = await importEssayFrom(target, { slug: parsed.values.slug });
    const verb = { created: "Imported", revised: "Added a new revision to", unchanged: "No changes to" }[result.outcome];
    console.log(`${verb} “${result.title}” → /essays/${result.slug} (revision ${result.revisionNumber}, ${result.paragraphs} paragraphs, ${result.sections} sections).`);
    if (result.reanchored) {
      console.log(`Re-anchored ${result.reanchored.anchored} highlight(s); ${result.reanchored.orphaned} could not be placed and are listed as orphaned.`);
    }
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
