import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { createFreshDatabase } from "../tests/support/database";
import { hasSharedFixture, projectFixture, SHARED_FIXTURE } from "../tests/support/fixtures";
import { ensureAuthSecret } from "./lib/auth-secret";
import { runCli } from "./lib/cli";
import { ensurePrismaClient } from "./lib/ensure-prisma-client";
import { NEXT_BIN } from "./lib/next-bin";
import { productionNodeOptions } from "./lib/production-node-options";
import { E2E_STAFF } from "../tests/e2e/support/staff";

// The server Playwright tests run against: a production build on a fresh
// database holding the demo essay and the import fixtures. playwright.config.ts
// chooses the port and passes it in E2E_PORT.
await runCli(async () => {
  const database = await createFreshDatabase("e2e");
  process.env.DATABASE_URL = database.url;
  // The seeding modules reach the generated Prisma client: load them once it exists.
  ensurePrismaClient();
  const { seedDemoEssay } = await import("./lib/seed-demo");
  const { importEssayFrom } = await import("@/lib/essays/import-essay-from");
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDemoEssay();
  await importEssayFrom(projectFixture("essays", "harbour-post-column.txt"), { slug: "harbour-post-column" });
  // The accessibility audit's own essay: its highlights and threads stay out of the other specs' counts.
  await importEssayFrom(projectFixture("essays", "lantern-review-essay.html"), { slug: "street-names" });
  if (hasSharedFixture) await importEssayFrom(SHARED_FIXTURE, { slug: "when-negotiations-cause-defeat" });
  // Staff accounts for the moderation tests (tests/e2e/support/staff.ts), made as the first admin is: from the command line's operation.
  const { createOrPromoteUser } = await import("@/lib/auth/create-or-promote-user");
  for (const member of E2E_STAFF) await createOrPromoteUser(member);
  // A thread deeper than the essay page nests, for tests/e2e/threads.spec.ts.
  const { seedDeepThread } = await import("./lib/seed-deep-thread");
  await seedDeepThread("reading-with-a-pencil");
  await disconnectDb();

  if (!existsSync(`${PROJECT_ROOT}/.next/BUILD_ID`)) throw new Error("No production build: run `npx next build` first (npm test does).");
  const port = process.env.E2E_PORT ?? "3100";
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", port, "--hostname", "127.0.0.1"], {
    stdio: "inherit",
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: productionNodeOptions(),
      DATABASE_URL: database.url,
      ...ensureAuthSecret("dev"),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      GLOSSA_E2E: "1",
      TRUST_PROXY: "1",
      // Mail goes to the SMTP server tests/e2e/password-reset.spec.ts runs while it runs (the outbox retries until then).
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? "3125"}`,
      MAIL_FROM: "Glossa <glossa@example.test>",
    },
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await new Promise((resolve) => child.on("exit", resolve));
  await database.stop();
});
