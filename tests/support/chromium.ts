import { existsSync } from "node:fs";

const CANDIDATE_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"];

/**
 * The Chromium to drive: `CHROMIUM_PATH` when set, else a system browser at a
 * usual path, else undefined so Playwright falls back to its own downloaded
 * browser (machines where `npx playwright install` works).
 */
export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  return CANDIDATE_PATHS.find((candidate) => existsSync(candidate));
}

/**
 * Flags for a headless Chromium on a locked-down machine: no sandbox (we may
 * run as root) and none of the background network traffic a closed network
 * refuses.
 */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
