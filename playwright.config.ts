import { defineConfig, devices } from "@playwright/test";
import { choosePort } from "./lib/net/free-port";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./tests/support/chromium";

// The end-to-end server's port: E2E_PORT if set (refused with a message when
// taken), else 3100 or the next free port. Playwright evaluates this file
// again in every worker, where the server already holds the port, so the
// first choice is handed down in the environment the workers inherit.
function e2ePort(): number {
  const chosen = process.env.GLOSSA_E2E_CHOSEN_PORT;
  if (chosen) return Number(chosen);
  const { port, note } = choosePort({ variable: "E2E_PORT", value: process.env.E2E_PORT, fallback: 3100, purpose: "the end-to-end server" });
  if (note) console.log(note);
  process.env.GLOSSA_E2E_CHOSEN_PORT = String(port);
  return port;
}

const PORT = e2ePort();

// The port of the SMTP server tests/e2e/password-reset.spec.ts runs (the app
// sends its mail there), chosen the same way and handed down the same way.
function smtpPort(): number {
  const chosen = process.env.GLOSSA_E2E_SMTP_PORT;
  if (chosen) return Number(chosen);
  const { port, note } = choosePort({ variable: "E2E_SMTP_PORT", value: process.env.E2E_SMTP_PORT, fallback: 3125, purpose: "the end-to-end mail server" });
  if (note) console.log(note);
  process.env.GLOSSA_E2E_SMTP_PORT = String(port);
  return port;
}

const SMTP_PORT = smtpPort();

// End-to-end tests drive a production build (`next build` first) served by
// scripts/e2e-server.ts, which gives it a fresh database seeded with the
// demo essay and the import fixtures.
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `npx tsx --conditions=react-server scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    // Without it Playwright SIGKILLs the server's process group; SIGTERM lets
    // e2e-server stop Next and the embedded database it started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT), E2E_SMTP_PORT: String(SMTP_PORT) },
  },
});
