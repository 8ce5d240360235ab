import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseUrl } from "@/lib/env";
import { DISCUSSION_CHANNEL, NOTIFICATION_CHANNEL, type DiscussionSignal } from "./channel";

export type { DiscussionSignal } from "./channel";

/** The first wait before reconnecting; it doubles after each failed attempt up to `MAX_BACKOFF_MS`. */
export const FIRST_BACKOFF_MS = 1_000;
/** The longest wait between attempts: a database back from an outage is noticed within this. */
export const MAX_BACKOFF_MS = 30_000;
/** Connecting, and the LISTEN statement, give up after this: a stopped (SIGSTOP) server accepts the TCP connection and then says nothing. */
const CONNECT_TIMEOUT_MS = 5_000;

/** Where the LISTEN connection is: not started, connecting, listening, or waiting out a backoff after losing it. */
export type ListenerState = "idle" | "connecting" | "listening" | "waiting";

interface Live {
  emitter: EventEmitter;
  state: ListenerState;
  /** Failed attempts since the last successful LISTEN: the backoff's exponent. */
  failures: number;
  client: pg.Client | null;
  timer: NodeJS.Timeout | null;
  /** Told each time LISTEN is established: whatever was announced meanwhile went unheard, so streams read the log. */
  resyncs: Set<() => void>;
  /** How many times LISTEN has been established (tests and benchmarks watch it). */
  connections: number;
  /** Set by closeListener: a connection still in flight then ends instead of reconnecting. */
  closed: boolean;
  /** When the last attempt to connect began (a nudge never makes attempts closer than FIRST_BACKOFF_MS). */
  attemptedAt: number;
}

// One LISTEN connection per app instance, shared by every open stream, kept
// on globalThis so Next's dev reloads do not open more. Subscribers live on
// the emitter, not on the connection, so they survive any number of
// reconnections.
const globalForLive = globalThis as unknown as { glossaLiveListener?: Live };

function live(): Live {
  if (!globalForLive.glossaLiveListener) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    globalForLive.glossaLiveListener = { emitter, state: "idle", failures: 0, client: null, timer: null, resyncs: new Set(), connections: 0, closed: false, attemptedAt: 0 };
  }
  return globalForLive.glossaLiveListener;
}

/** The wait before attempt `failures + 1`: 1 s doubling to 30 s, each drawn from its upper half so instances restarted together do not reconnect in step. */
export function backoffDelay(failures: number, random = Math.random()): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** failures);
  return ceiling / 2 + (random * ceiling) / 2;
}

function scheduleReconnect(state: Live): void {
  if (state.closed) return;
  state.state = "waiting";
  const delay = backoffDelay(state.failures);
  state.failures += 1;
  state.timer = setTimeout(() => {
    state.timer = null;
    connect(state);
  }, delay);
  state.timer.unref();
}

function connect(state: Live): void {
  state.state = "connecting";
  state.attemptedAt = Date.now();
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: CONNECT_TIMEOUT_MS, keepAlive: true });
  } catch {
    // No configuration yet (a misconfigured process): try again later like any other failure.
    scheduleReconnect(state);
    return;
  }
  let lost = false;
  // A connection can fail while connecting, be terminated by the server, or
  // be reset by a restart: each surfaces as "error", "end" or both, once.
  const onLost = () => {
    if (lost) return;
    lost = true;
    if (state.client === client) state.client = null;
    client.removeAllListeners("notification");
    client.end().catch(() => undefined);
    scheduleReconnect(state);
  };
  client.on("error", onLost);
  client.on("end", onLost);
  client.on("notification", (message) => {
    if (!message.payload) return;
    if (message.channel === NOTIFICATION_CHANNEL) {
      state.emitter.emit(userKey(message.payload));
      return;
    }
    if (message.channel !== DISCUSSION_CHANNEL) return;
    try {
      const signal = JSON.parse(message.payload) as DiscussionSignal;
      if (typeof signal.essayId === "string") state.emitter.emit(signal.essayId, signal);
    } catch {
      // A malformed payload is not ours to act on.
    }
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${DISCUSSION_CHANNEL}; LISTEN ${NOTIFICATION_CHANNEL}`))
    .then(() => {
      if (lost) return;
      if (state.closed) {
        void client.end().catch(() => undefined);
        return;
      }
      state.client = client;
      state.state = "listening";
      state.failures = 0;
      state.connections += 1;
      // Anything announced while no connection listened went unheard: every open stream reads the log once.
      for (const resync of state.resyncs) resync();
    }, onLost);
}

function start(): Live {
  const state = live();
  if (state.state === "idle") connect(state);
  return state;
}

/**
 * Subscribes to an essay's discussion events from any app instance (through
 * PostgreSQL LISTEN/NOTIFY). Returns at once: the subscription holds even
 * while the database is unreachable, and the shared connection reconnects
 * with backoff for as long as it takes. Returns the unsubscribe function.
 */
export function subscribeToEssay(essayId: string, onSignal: (signal: DiscussionSignal) => void): () => void {
  const state = start();
  state.emitter.on(essayId, onSignal);
  return () => state.emitter.off(essayId, onSignal);
}

/** The emitter's key for a reader's signals (essay ids are keys too; the prefix keeps the two apart). */
const userKey = (userId: string) => `user:${userId}`;

/**
 * Subscribes to a reader's notification and session changes from any app
 * instance (database triggers, and announceBellChanges in publish.ts),
 * on the same shared connection and with the same reconnection as essays.
 */
export function subscribeToUser(userId: string, onSignal: () => void): () => void {
  const state = start();
  state.emitter.on(userKey(userId), onSignal);
  return () => state.emitter.off(userKey(userId), onSignal);
}

/** Calls `onResync` every time LISTEN is (re)established, after which notifications flow again. Returns the unsubscribe function. */
export function onListenerResync(onResync: () => void): () => void {
  const state = start();
  state.resyncs.add(onResync);
  return () => state.resyncs.delete(onResync);
}

/**
 * Evidence that the database answers again (a query just succeeded): if the
 * listener is waiting out a backoff, it tries now instead of up to 30 s
 * later, so live streams recover as soon as ordinary requests do.
 */
export function nudgeListener(): void {
  const state = globalForLive.glossaLiveListener;
  if (!state || state.state !== "waiting" || Date.now() - state.attemptedAt < FIRST_BACKOFF_MS) return;
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  connect(state);
}

/**
 * Delivers a signal to this instance's subscribers without the database:
 * when an announcement could not be sent, the streams of the instance that
 * made the change still read the log.
 */
export function signalLocally(signal: DiscussionSignal): void {
  globalForLive.glossaLiveListener?.emitter.emit(signal.essayId, signal);
}

/** Tells this instance's bell of a reader without the database, when the announcement could not be sent (as `signalLocally`). */
export function signalReaderLocally(userId: string): void {
  globalForLive.glossaLiveListener?.emitter.emit(userKey(userId));
}

/** The listener's state and how many times it has connected (tests, readiness, benchmarks). */
export function listenerStatus(): { state: ListenerState; connections: number; failures: number; pid: number | null } {
  const state = globalForLive.glossaLiveListener;
  const pid = (state?.client as unknown as { processID?: number } | null)?.processID ?? null;
  return { state: state?.state ?? "idle", connections: state?.connections ?? 0, failures: state?.failures ?? 0, pid };
}

/** Closes the LISTEN connection and forgets every subscriber (tests and scripts). */
export async function closeListener(): Promise<void> {
  const state = globalForLive.glossaLiveListener;
  if (!state) return;
  globalForLive.glossaLiveListener = undefined;
  state.closed = true;
  if (state.timer) clearTimeout(state.timer);
  const client = state.client;
  state.client = null;
  state.state = "idle";
  client?.removeAllListeners();
  client?.on("error", () => undefined);
  await client?.end().catch(() => undefined);
}
