import { spawnSync } from "node:child_process";

// Which ports are free, asked the only way that cannot be fooled: by trying
// to listen. The probe listens on the wildcard address (IPv6 and IPv4 at
// once), which Linux and macOS refuse while any program listens on that port
// on any address, so a server bound to 127.0.0.1 only is seen too.
//
// It runs in a short-lived child process so that it can be synchronous:
// Playwright evaluates its config synchronously, and the one answer serves
// the app, the embedded database and the end-to-end server alike.

const PROBE = `
const net = require("node:net");
const [from, count] = process.argv.slice(1).map(Number);
const tryPort = (port) => new Promise((resolve) => {
  const server = net.createServer();
  server.once("error", () => resolve(false));
  server.listen(port, () => server.close(() => resolve(true)));
});
(async () => {
  for (let port = from; port < from + count && port <= 65535; port++) {
    if (await tryPort(port)) return void process.stdout.write(String(port));
  }
})();
`;

/** How many ports after the preferred one are tried before giving up. */
const SEARCH_SPAN = 50;

/** The first port in `from`, `from + 1`, … (`count` of them) that nothing listens on, or null. */
export function firstFreePort(from: number, count = 1): number | null {
  const result = spawnSync(process.execPath, ["-e", PROBE, String(from), String(count)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Could not probe for a free port: ${result.stderr.trim() || `exit ${result.status}`}`);
  return result.stdout ? Number(result.stdout) : null;
}

/** Whether nothing listens on `port`. */
export function isPortFree(port: number): boolean {
  return firstFreePort(port) === port;
}

/** A port that is taken, with the message that tells the person what to do. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
}

export interface PortSetting {
  /** The environment variable that sets the port, named in every message. */
  variable: string;
  /** Its value, or undefined when it is not set. */
  value: string | undefined;
  /** The port used when the variable is not set. */
  fallback: number;
  /** What listens there, for messages: "the app", "the embedded PostgreSQL server". */
  purpose: string;
}

export interface PortChoice {
  port: number;
  /** Set when the fallback was taken and another port was chosen: say it. */
  note?: string;
}

/** The port in `variable`, checked to be a valid port number; undefined when unset. */
export function parsePortSetting(variable: string, value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PortInUseError(`${variable}=${value} is not a port number (1–65535).`);
  return port;
}

/**
 * The port to listen on. A port the person set explicitly is used as it is
 * or, when another program holds it, refused with a message naming the
 * variable (quietly moving elsewhere would break whatever they pointed at
 * it). A defaulted port that is taken gives way to the next free one, and the
 * choice says so.
 */
export function choosePort(setting: PortSetting): PortChoice {
  const explicit = parsePortSetting(setting.variable, setting.value);
  if (explicit !== undefined) {
    if (isPortFree(explicit)) return { port: explicit };
    throw new PortInUseError(
      `Port ${explicit} (${setting.variable}) is already in use by another program, so ${setting.purpose} cannot listen there. ` +
        `Stop that program, set ${setting.variable} to a free port, or unset ${setting.variable} to let Glossa pick one.`,
    );
  }
  const port = firstFreePort(setting.fallback, SEARCH_SPAN);
  if (port === null) {
    throw new PortInUseError(`Ports ${setting.fallback}–${setting.fallback + SEARCH_SPAN - 1} are all in use, so ${setting.purpose} has nowhere to listen. Set ${setting.variable} to a free port.`);
  }
  if (port === setting.fallback) return { port };
  return { port, note: `Port ${setting.fallback} is in use by another program, so ${setting.purpose} listens on ${port} instead (set ${setting.variable} to choose).` };
}
