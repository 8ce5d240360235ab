import { getHeapStatistics } from "node:v8";

/**
 * Heap counted per stream against the instance's cap (one "seat"). Measured
 * by bench:faults on a production build, with event-stream-server.ts
 * writing to the socket: 9.2 KB of live heap per idle stream (after a full
 * collection, over 5,000 streams; 17 KB of RSS). Rounded up to leave room
 * for what a busy stream holds besides (ids it awaits, a slow reader's
 * queue up to MAX_QUEUED_BYTES is outside the heap).
 */
export const BYTES_PER_STREAM = 16 * 1024;

/**
 * Seats a stream served through Next's route handler takes: there every
 * open stream keeps Next's request pipeline suspended, 61 KB of heap
 * measured (2,000 such streams ran the production heap out), so with the
 * same margin one costs six seats.
 */
export const ROUTE_STREAM_SEATS = 6;

/** Streams one client address may hold: a reader's tabs, or a small office behind one address. */
export const PER_CLIENT_STREAMS = 32;

/** Never more seats than this on one instance, however large its heap. */
export const MAX_STREAMS = 10_000;

/** The global cap: streams may take at most this share of the heap limit, so a flood cannot run the process out of memory. */
const HEAP_SHARE = 0.5;

/** Limits an admission gate enforces: streams per client, and seats in all (a stream takes one, or ROUTE_STREAM_SEATS through Next). */
export interface StreamLimits {
  perClient: number;
  global: number;
}

/** The instance's limits: 32 streams per client, and as many seats as half the heap holds (7,680 under the production 192 MB old space, whose heap limit is 240 MB). */
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

  /** Takes `seats` for a stream of `client`, or says why not. */
  admit(client: string, seats = 1): Admission {
    const key = clientKey(client);
    const held = this.perClient.get(key) ?? 0;
    if (held >= this.limits.perClient) return { admitted: false, reason: "client", retryAfterSeconds: retryAfter(30) };
    if (this.total + seats > this.limits.global) return { admitted: false, reason: "global", retryAfterSeconds: retryAfter(15) };
    this.perClient.set(key, held + 1);
    this.total += seats;
    let released = false;
    return {
      admitted: true,
      ticket: {
        release: () => {
          if (released) return;
          released = true;
          this.total -= seats;
          const left = (this.perClient.get(key) ?? 1) - 1;
          if (left > 0) this.perClient.set(key, left);
          else this.perClient.delete(key);
        },
      },
    };
  }

  /** Seats taken in total, or streams held by `client` if given. */
  count(client?: string): number {
    return client === undefined ? this.total : (this.perClient.get(clientKey(client)) ?? 0);
  }
}

const globalForGate = globalThis as unknown as { glossaStreamGate?: StreamGate };

/** The instance's one gate, with the default limits. */
export function streamGate(): StreamGate {
  return (globalForGate.glossaStreamGate ??= new StreamGate(defaultStreamLimits()));
}
