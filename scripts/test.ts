import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "@/lib/db/migrations";

// `npm test`: every check, in the order that fails fastest. Each step's own
// output is shown; the run stops at the first failing step.
const steps: { name: string; command: string[] }[] = [
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "formatting (Prettier; `npm run format` fixes it)", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
  { name: "dead code (knip)", command: ["npm", "run", "--silent", "deadcode"] },
  { name: "unit and integration tests", command: ["npx", "vitest", "run"] },
  { name: "production build", command: ["npx", "next", "build"] },
  { name: "end-to-end tests (Chromium)", command: ["npx", "playwright", "test"] },
];

const results: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
  const started = Date.now();
  const [command, ...args] = step.command;
  const run = spawnSync(command!, args, { stdio: "inherit", cwd: PROJECT_ROOT, env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${run.status === 0 ? "✔" : "✘"} ${step.name} (${seconds}s)`);
  if (run.status !== 0) {
    console.error(`\n${results.join("\n")}\n\n✘ ${step.name} failed.`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\n${results.join("\n")}\n\nAll checks passed.`);
