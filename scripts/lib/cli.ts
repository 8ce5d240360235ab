import { isAppError } from "@/lib/errors";
import { DatabaseUnavailableError } from "@/lib/db/check-connection";
import { PortInUseError } from "@/lib/net/free-port";

/**
 * Runs a command-line entry point and exits when it is done: a known failure
 * prints its message (no stack trace) and exits 1; anything else is a bug and
 * shows its stack.
 */
export async function runCli(main: () => Promise<void>): Promise<never> {
  try {
    await main();
    // Done means done: after migrating, the WebAssembly schema engine leaves a
    // ten-second timer behind (lib/db/schema-engine.ts cannot clear it), which
    // would otherwise hold the process open that long.
    process.exit();
  } catch (error) {
    if (isAppError(error) || error instanceof DatabaseUnavailableError || error instanceof PortInUseError) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
    // Exit now rather than set exitCode: a failed command should not wait for
    // whatever handles its failure left open (a pool, a timer) to close.
    process.exit(1);
  }
}
