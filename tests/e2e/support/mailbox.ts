import { startMailServer, type TestMailServer } from "../../support/mail-server";

// The end-to-end server sends its mail to a real SMTP server on
// GLOSSA_E2E_SMTP_PORT (scripts/e2e-server.ts). It runs in the one test
// worker (playwright.config.ts: workers 1), started by the first spec that
// asks and kept for the worker's life, so every spec reads the same inbox.
let running: Promise<TestMailServer> | null = null;

/** The end-to-end run's SMTP server, started on first use. */
export function mailbox(): Promise<TestMailServer> {
  running ??= startMailServer(Number(process.env.GLOSSA_E2E_SMTP_PORT));
  return running;
}

/** Waits for the `index`-th message to `address` (0: the first) and returns the link in its text that matches `pattern`. */
export async function mailedLink(address: string, pattern: RegExp, index = 0, timeoutMs = 15_000): Promise<string> {
  const smtp = await mailbox();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const message = smtp.to(address)[index];
    const link = message ? pattern.exec(message.text ?? "")?.[0] : undefined;
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`No message ${index + 1} with a link like ${pattern} reached ${address} within ${timeoutMs / 1000} s (it has ${smtp.to(address).length}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
