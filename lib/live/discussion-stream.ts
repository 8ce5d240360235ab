import "server-only";
import { advance, awaitedGaps, startCursor, type EventCursor } from "./event-cursor";
import { eventsAfter, READ_BATCH, type StreamEvent } from "./events";
import { onListenerResync, subscribeToEssay } from "./listener";
import { HEARTBEAT_MS, KEEP_ALIVE, RETRY_HINT, SinkStream, sseFrame, webEventStream, type StreamSink } from "./sink-stream";

/** Reads of the log one burst may take before yielding to the next signal (each reads up to READ_BATCH events). */
const MAX_ROUNDS = 20;

function frame(event: StreamEvent): Uint8Array {
  return sseFrame("discussion", { kind: event.kind, commentId: event.commentId, highlightId: event.highlightId }, event.id);
}

/** One open stream: its place in the log and where to write, nothing else. */
class LiveStream extends SinkStream {
  readonly cursor: EventCursor;

  constructor(
    readonly feed: EssayFeed,
    after: number,
    sink: StreamSink,
    onClose: (() => void) | undefined,
  ) {
    super(sink, onClose);
    this.cursor = startCursor(after);
  }

  protected detach(): void {
    this.feed.remove(this);
  }
}

/**
 * The open streams of one essay, fed by one subscription and one reader of
 * the log: a notification costs the essay one read, however many streams
 * are open, and the events read go to each stream through its own cursor
 * (which drops what that stream has already sent). Reads run one at a time;
 * signals arriving during a read fold into one more.
 */
class EssayFeed {
  readonly streams = new Set<LiveStream>();
  private reading = false;
  private again = false;
  /** A read failed (the database is away): the heartbeat and the listener's resync read again. */
  stale = false;
  private readonly unsubscribe: () => void;

  constructor(readonly essayId: string) {
    this.unsubscribe = subscribeToEssay(essayId, () => this.read());
  }

  add(stream: LiveStream): void {
    this.streams.add(stream);
    this.read();
  }

  remove(stream: LiveStream): void {
    this.streams.delete(stream);
    if (this.streams.size > 0) return;
    this.unsubscribe();
    if (feeds.get(this.essayId) === this) feeds.delete(this.essayId);
    if (feeds.size === 0) stopHeartbeat();
  }

  /** Reads the log for every stream of the essay, now or right after the read in progress. */
  read(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.drain();
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.readOnce();
      } while (this.again && this.streams.size > 0);
      this.stale = false;
    } catch {
      // The database is unreachable: nothing is lost, the log is read again
      // on the next signal, heartbeat or listener reconnection.
      this.stale = true;
    } finally {
      this.reading = false;
    }
  }

  /**
   * One pass over the log for the streams open now: from the lowest
   * position among them, with every id any of them still awaits (see
   * event-cursor.ts). Streams opened meanwhile wait for the next pass,
   * which `add` has asked for.
   */
  private async readOnce(): Promise<void> {
    const streams = [...this.streams];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = Date.now();
      let after = Number.POSITIVE_INFINITY;
      const awaited = new Set<number>();
      for (const stream of streams) {
        if (stream.closed) continue;
        after = Math.min(after, stream.cursor.after);
        for (const id of awaitedGaps(stream.cursor, now)) awaited.add(id);
      }
      if (after === Number.POSITIVE_INFINITY) return;
      const batch = await eventsAfter(this.essayId, after, [...awaited]);
      const frames = new Map<number, Uint8Array>();
      for (const stream of streams) {
        if (stream.closed) continue;
        for (const event of advance(stream.cursor, this.essayId, batch, now)) {
          let bytes = frames.get(event.id);
          if (!bytes) frames.set(event.id, (bytes = frame(event)));
          stream.send(bytes);
        }
      }
      if (batch.length < READ_BATCH) return;
    }
    this.again = true;
  }
}

const feeds = new Map<string, EssayFeed>();
let heartbeat: NodeJS.Timeout | null = null;
let stopResync: (() => void) | null = null;

/**
 * One timer for every stream of the instance (instead of one setInterval
 * each): keeps proxies from closing idle streams, and re-reads the log for
 * essays whose streams await skipped ids or whose last read failed.
 */
function startHeartbeat(): void {
  if (heartbeat) return;
  heartbeat = setInterval(() => {
    for (const feed of feeds.values()) {
      let awaiting = feed.stale;
      for (const stream of feed.streams) {
        stream.send(KEEP_ALIVE);
        awaiting ||= stream.cursor.gaps.size > 0;
      }
      if (awaiting) feed.read();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // After the LISTEN connection comes back, every essay reads what was announced while it was away.
  stopResync = onListenerResync(() => {
    for (const feed of feeds.values()) feed.read();
  });
}

function stopHeartbeat(): void {
  if (heartbeat) clearInterval(heartbeat);
  heartbeat = null;
  stopResync?.();
  stopResync = null;
}

/** How many streams this instance has open, and for how many essays. */
export function openStreamCount(): { streams: number; essays: number } {
  let streams = 0;
  for (const feed of feeds.values()) streams += feed.streams.size;
  return { streams, essays: feeds.size };
}

/**
 * Starts an essay's event stream into `sink`, from the event after
 * `resumeFrom`: first everything the client missed, from the event log,
 * then each change as NOTIFY announces it from any app instance. The caller
 * has checked that the essay exists and that `resumeFrom` is a position in
 * the log (open-discussion-stream.ts). Returns the function that ends it;
 * `onClose` runs once when it ends, whoever ends it (the admission gate's
 * release).
 */
export function attachDiscussionStream(essayId: string, resumeFrom: number, sink: StreamSink, onClose?: () => void): () => void {
  let feed = feeds.get(essayId);
  if (!feed) {
    feed = new EssayFeed(essayId);
    feeds.set(essayId, feed);
  }
  startHeartbeat();
  const stream = new LiveStream(feed, resumeFrom, sink, onClose);
  stream.send(RETRY_HINT);
  if (!stream.closed) feed.add(stream);
  return () => stream.close();
}

/**
 * The same stream as a web ReadableStream (a route handler's Response body).
 * Ends when `signal` aborts or the reader cancels.
 */
export function discussionStream(essayId: string, resumeFrom: number, signal: AbortSignal, onClose?: () => void): ReadableStream<Uint8Array> {
  return webEventStream(signal, (sink) => attachDiscussionStream(essayId, resumeFrom, sink, onClose), onClose);
}
