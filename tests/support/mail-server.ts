import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a local port, keeping every message it accepts, parsed. */
export interface TestMailServer {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Messages to an address, oldest first. */
  to(address: string): ParsedMail[];
  stop(): Promise<void>;
}

/** Starts an SMTP server (smtp-server) on `port` (0: any free one); what arrives is parsed with mailparser. */
export async function startMailServer(port = 0): Promise<TestMailServer> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: nodemailer would otherwise upgrade to TLS against a self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          messages.push(parsed);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${bound}`,
    port: bound,
    messages,
    to: (address) => messages.filter((message) => [message.to].flat().some((to) => to?.value.some((entry) => entry.address?.toLowerCase() === address.toLowerCase()))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
