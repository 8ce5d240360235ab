import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/migrations";

/**
 * Generates the Prisma client when a fresh clone has none yet, so every entry
 * point (the app, the tests, the scripts) works without a separate step.
 */
export function ensurePrismaClient(): void {
  if (existsSync(path.join(PROJECT_ROOT, "lib/generated/prisma/client.ts"))) return;
  const result = spawnSync("npx", ["tsx", "scripts/prisma-generate.ts"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("Could not generate the Prisma client: `npm run db:generate` shows why.");
}
