import { defineConfig, devices } from "@playwright/test";
import { choosePort } from "./lib/net/free-port";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./tests/support/chromium";

// A port for the end-to-end run: `variable` if set (refused with a message
// when taken), else `fallback` or the next free port. Playwright evaluates
// this file again in every worker, where the server already holds the port,
// so the first choice is handed down in the environment the workers inherit.
function e2ePort(handedDown: string, variable: string, fallback: number, purpose: string): number {
  const chosen = process.env[handedDown];
  if (chosen) return Number(chosen);
  const { port, note } = choosePort({ variable, value: process.env[variable], fallback, purpose });
  if (note) console.log(note);
  process.env[handedDown] = String(port);
  return port;
}

const PORT = e2ePort("GLOSSA_E2E_CHOSEN_PORT", "E2E_PORT", 3100, "the end-to-end server");
// The SMTP server tests/e2e/password-reset.spec.ts runs; the app sends its mail there (scripts/e2e-server.ts).
const SMTP_PORT = e2ePort("GLOSSA_E2E_SMTP_PORT", "E2E_SMTP_PORT", 3125, "the end-to-end mail server");

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
