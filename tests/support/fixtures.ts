import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/migrations";

/** The real scraped column, kept outside the project in ../shared. */
export const SHARED_FIXTURE = path.resolve(PROJECT_ROOT, "../shared/fixtures/when-negotiations-cause-defeat.txt");

/** Whether ../shared is beside this clone; tests that need it say so when skipped. */
export const hasSharedFixture = existsSync(SHARED_FIXTURE);

export const SHARED_FIXTURE_SKIP_NOTE = "skipped: ../shared/fixtures/when-negotiations-cause-defeat.txt is not beside this clone; the project's own fixtures cover the same ground.";

/** A fixture of the project's own, under tests/fixtures. */
export function projectFixture(...segments: string[]): string {
  return path.join(PROJECT_ROOT, "tests", "fixtures", ...segments);
}
