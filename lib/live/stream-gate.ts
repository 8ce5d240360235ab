import { getHeapStatistics } from "node:v8";

/**
 * What one open stream costs this process, measured by bench:faults on a
 * production build (RSS growth over 5,000 idle streams, divided by 5,000,
 * rounded up): Next's request and response objects, the socket and our
 * stream together. The global cap is derived from it and the heap limit.
 */
export const BYTES_PER_STREAM = 24 * 1024;

/** Streams one client address may hold: a reader's tabs, or a small office behind one address. */
export const PER_CLIENT_STREAMS = 32;

/** Never more streams than this on one instance, however large its heap. */
export const MAX_STREAMS = 10_000;

/** The global cap: streams may take at most this share of the heap limit, so a flood cannot run the process out of memory. */
const HEAP_SHARE = 0.5;

/** Limits an admission gate enforces. */
export interface StreamLimits {
  perClient: number;
  global: number;
}

/** The instance's limits: 32 per client, and as many in total as half the heap holds (with the production 192 MB old space, 4,096). */
export function defaultStreamLimits(): StreamLimits {
  const byHeap = Math.floor((getHeapStatistics().heap_size_limit * HEAP_SHARE) / BYTES_PER_STREAM);
  return { perClient: PER_CLIENT_STREAMS, global: Math.max(PER_CLIENT_STREAMS, Math.min(MAX_STREAMS, byHeap)) };
}

/** A seat taken at the gate; `release` gives it back (once, however often it is called). */
export interface StreamTicket {
  release(): void;
}

/** The gate's answer: a seat, or a refusal saying which cap and when to try again. */
export type Admission = { admitted: true; ticket: StreamTicket } | { admitted: false; reason: "client" | "global"; retryAfterSeconds: number };

/**
 * The key a client is counted under: its address, and for IPv6 its /64
 * (one subscriber's whole prefix), which a single host can otherwise
 * rotate through without end.
 */
export function clientKey(address: string): string {
  if (!address.includes(":") || address.startsWith("::ffff:")) return address.replace(/^::ffff:/, "");
  const [head = ""] = address.split("%");
  const halves = head.split("::");
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length > 1 && halves[1] ? halves[1].split(":") : [];
  const groups = halves.length > 1 ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Retry-After for a refused stream: spread over a window so refused clients do not all come back in the same second. */
function retryAfter(base: number): number {
  return base + Math.floor(Math.random() * base);
}

/**
 * Counts open streams per client and in total, and admits a new one only
 * under both caps. Admission is synchronous, so concurrent requests cannot
 * overshoot a cap while one of them waits for the database.
 */
export class StreamGate {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(readonly limits: StreamLimits) {}

  /** Takes a seat for `client`, or says why not. */
  admit(client: string): Admission {
    const key = clientKey(client);
    const held = this.perClient.get(key) ?? 0;
    if (held >= this.limits.perClient) return { admitted: false, reason: "client", retryAfterSeconds: retryAfter(30) };
    if (this.total >= this.limits.global) return { admitted: false, reason: "global", retryAfterSeconds: retryAfter(15) };
    this.perClient.set(key, held + 1);
    this.total += 1;
    let released = false;
    return {
      admitted: true,
      ticket: {
        release: () => {
          if (released) return;
          released = true;
          this.total -= 1;
          const left = (this.perClient.get(key) ?? 1) - 1;
          if (left > 0) this.perClient.set(key, left);
          else this.perClient.delete(key);
        },
      },
    };
  }

  /** Seats taken: in total, and by `client` if given. */
  count(client?: string): number {
    return client === undefined ? this.total : (this.perClient.get(clientKey(client)) ?? 0);
  }
}

const globalForGate = globalThis as unknown as { glossaStreamGate?: StreamGate };

/** The instance's one gate, with the default limits. */
export function streamGate(): StreamGate {
  return (globalForGate.glossaStreamGate ??= new StreamGate(defaultStreamLimits()));
}
