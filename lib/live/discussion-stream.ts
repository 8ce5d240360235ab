import "server-only";
import { advance, awaitedGaps, startCursor, type EventCursor } from "./event-cursor";
import { eventsAfter, READ_BATCH, type StreamEvent } from "./events";
import { Feed, FeedRegistry } from "./feed";
import { subscribeToEssay } from "./listener";
import { RETRY_HINT, SinkStream, sseFrame, webEventStream, type StreamSink } from "./sink-stream";

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
 * the log (feed.ts): the events read go to each stream through its own
 * cursor, which drops what that stream has already sent.
 */
class EssayFeed extends Feed<LiveStream> {
  private readonly unsubscribe: () => void;

  constructor(readonly essayId: string) {
    super();
    this.unsubscribe = subscribeToEssay(essayId, () => this.read());
  }

  protected retire(): void {
    this.unsubscribe();
    essays.drop(this.essayId, this);
  }

  /** A stream that awaits ids the log skipped reads again at the heartbeat, signal or not. */
  override awaiting(): boolean {
    if (this.stale) return true;
    for (const stream of this.streams) if (stream.cursor.gaps.size > 0) return true;
    return false;
  }

  /**
   * One pass over the log for the streams open now: from the lowest
   * position among them, with every id any of them still awaits (see
   * event-cursor.ts). Streams opened meanwhile wait for the next pass,
   * which `add` has asked for.
   */
  protected async readOnce(streams: readonly LiveStream[]): Promise<void> {
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
    this.readAgain();
  }
}

const essays = new FeedRegistry((essayId) => new EssayFeed(essayId));

/** How many streams this instance has open, and for how many essays. */
export function openStreamCount(): { streams: number; essays: number } {
  const { streams, subjects } = essays.count();
  return { streams, essays: subjects };
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
  const stream = new LiveStream(essays.feedFor(essayId), resumeFrom, sink, onClose);
  stream.send(RETRY_HINT);
  if (!stream.closed) stream.feed.add(stream);
  return () => stream.close();
}

/**
 * The same stream as a web ReadableStream (a route handler's Response body).
 * Ends when `signal` aborts or the reader cancels.
 */
export function discussionStream(essayId: string, resumeFrom: number, signal: AbortSignal, onClose?: () => void): ReadableStream<Uint8Array> {
  return webEventStream(signal, (sink) => attachDiscussionStream(essayId, resumeFrom, sink, onClose), onClose);
}
