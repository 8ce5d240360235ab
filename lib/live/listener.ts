import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { DISCUSSION_CHANNEL } from "./publish";

/** A discussion event as NOTIFY delivers it. */
export interface DiscussionSignal {
  essayId: string;
  eventId: number;
}

// One LISTEN connection per app instance, shared by every open stream, kept
// on globalThis so Next's dev reloads do not open more.
const globalForLive = globalThis as unknown as { glossaLive?: { emitter: EventEmitter; ready: Promise<void> } };

function connect(emitter: EventEmitter): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on("notification", (message) => {
    if (message.channel !== DISCUSSION_CHANNEL || !message.payload) return;
    try {
      const signal = JSON.parse(message.payload) as DiscussionSignal;
      emitter.emit(signal.essayId, signal);
    } catch {
      // A malformed payload is not ours to act on.
    }
  });
  client.on("error", () => {
    // Reconnect; streams catch up from the event log by id, so nothing is lost meanwhile.
    client.end().catch(() => undefined);
    setTimeout(() => {
      globalForLive.glossaLive!.ready = connect(emitter);
    }, 1_000);
  });
  return client.connect().then(() => client.query(`LISTEN ${DISCUSSION_CHANNEL}`)).then(() => undefined);
}

/**
 * Subscribes to an essay's discussion events from any app instance (through
 * PostgreSQL LISTEN/NOTIFY). Returns the unsubscribe function.
 */
export async function subscribeToEssay(essayId: string, onSignal: (signal: DiscussionSignal) => void): Promise<() => void> {
  if (!globalForLive.glossaLive) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    globalForLive.glossaLive = { emitter, ready: connect(emitter) };
  }
  const live = globalForLive.glossaLive;
  await live.ready;
  live.emitter.on(essayId, onSignal);
  return () => live.emitter.off(essayId, onSignal);
}
