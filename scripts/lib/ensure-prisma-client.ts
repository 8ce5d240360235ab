import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// Imported first by every entry point, before anything that needs the
// generated client, so it must itself import nothing from the project (no
// `@/` module: those may reach lib/generated, which a fresh clone lacks).

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const OUTPUT = path.join(ROOT, "lib", "generated", "prisma");
/** Written beside the generated client: what it was generated from. */
const STAMP = path.join(OUTPUT, ".generated-from");
const require = createRequire(import.meta.url);

/**
 * What the generated client depends on: the schema and the versions of the
 * CLI that generates it and of the runtime it is generated for. Any change to
 * one of them means the client must be generated again.
 */
function sourceFingerprint(): string {
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return createHash("sha256")
    .update(readFileSync(SCHEMA))
    .update(`\0prisma@${version("prisma")}\0@prisma/client@${version("@prisma/client")}`)
    .digest("hex");
}

/** Whether lib/generated/prisma was generated from the current schema and Prisma versions. */
export function prismaClientIsCurrent(): boolean {
  if (!existsSync(path.join(OUTPUT, "client.ts")) || !existsSync(STAMP)) return false;
  return readFileSync(STAMP, "utf8").trim() === sourceFingerprint();
}

/** Runs `prisma generate` (a few seconds) and records what it generated from. */
export function generatePrismaClient(): void {
  const fingerprint = sourceFingerprint();
  console.log("Generating the Prisma client from prisma/schema.prisma…");
  const result = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
    cwd: ROOT,
    encoding: "utf8",
    // `prisma generate` needs no schema engine, but the CLI insists that one
    // exists on disk; any existing file satisfies the check, so nothing is
    // downloaded. Migrations use the WebAssembly engine instead (lib/db/schema-engine.ts).
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  // Its chatter ("Loaded Prisma config…") is only worth showing when it failed.
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`\`prisma generate\` failed (${result.error?.message ?? `exit ${result.status}`}); its output is above.`);
  }
  writeFileSync(STAMP, `${fingerprint}\n`);
}

/**
 * Generates the Prisma client unless it is current, so every entry point
 * (the app, the tests, the scripts) works on a fresh clone without a separate
 * step, and costs nothing when the schema has not changed.
 */
export function ensurePrismaClient(): void {
  if (!prismaClientIsCurrent()) generatePrismaClient();
}
