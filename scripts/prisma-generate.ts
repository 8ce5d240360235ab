import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// `prisma generate` needs no schema engine, but the CLI insists that one
// exists on disk; any existing file satisfies the check, so nothing is
// downloaded (see DEVELOPERS.md). Migrations use the WASM engine instead.
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
