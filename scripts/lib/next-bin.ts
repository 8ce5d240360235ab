import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors";

/**
 * Next's own command-line entry. Run with `node` directly rather than through
 * `npx`, so that signals reach it and its exit code (134 when V8 runs out of
 * heap) reaches us unchanged.
 */
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/**
 * `npm start` serves a production build; a clone that was never built gets
 * one first, as `npm run build` would make it. An existing build is used as
 * it is: rebuilding on every start would make a restart take minutes.
 */
export function ensureProductionBuild(): void {
  if (existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) return;
  console.log("No production build yet: running `next build` once (after changing the code, run `npm run build` again).");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new AppError("INTERNAL", "`next build` failed (its output is above); `npm start` needs a production build.");
}
