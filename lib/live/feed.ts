import "server-only";
import { onListenerResync } from "./listener";
import { HEARTBEAT_MS, KEEP_ALIVE, type SinkStream } from "./sink-stream";

/**
 * The open streams of one subject (an essay's discussion, a reader's bell)
 * on this instance, fed by one subscription: a signal costs the subject one
 * read, however many streams are open. Reads run one at a time; signals
 * arriving during a read fold into one more.
 */
export abstract class Feed<Stream extends SinkStream> {
  readonly streams = new Set<Stream>();
  private reading = false;
  private again = false;
  /** A read failed (the database is away): the heartbeat and the listener's resync read again. */
  stale = false;

  /** One pass for the streams open now; call `readAgain` when there is more to read at once. */
  protected abstract readOnce(streams: readonly Stream[]): Promise<void>;

  /** The last stream has gone: unsubscribe and leave the registry. */
  protected abstract retire(): void;

  /** Whether the heartbeat should read even without a signal (a stream awaits skipped ids). */
  awaiting(): boolean {
    return this.stale;
  }

  add(stream: Stream): void {
    this.streams.add(stream);
    this.read();
  }

  remove(stream: Stream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0) this.retire();
  }

  /** Reads for every stream of the subject, now or right after the read in progress. */
  read(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.drain();
  }

  protected readAgain(): void {
    this.again = true;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.readOnce([...this.streams]);
      } while (this.again && this.streams.size > 0);
      this.stale = false;
    } catch {
      // The database is unreachable: nothing is lost, the next signal, heartbeat or listener reconnection reads again.
      this.stale = true;
    } finally {
      this.reading = false;
    }
  }
}

/**
 * The feeds of one kind on this instance, by subject, with one timer for all
 * their streams (instead of one setInterval each): it keeps proxies from
 * closing idle streams and reads again for feeds that await something; and
 * after the LISTEN connection comes back, every feed reads what was
 * announced while it was away.
 */
export class FeedRegistry<F extends Feed<SinkStream>> {
  private readonly feeds = new Map<string, F>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopResync: (() => void) | null = null;

  constructor(private readonly create: (key: string) => F) {}

  /** The feed of `key`, made (and subscribed) if it has none. */
  feedFor(key: string): F {
    let feed = this.feeds.get(key);
    if (!feed) {
      feed = this.create(key);
      this.feeds.set(key, feed);
    }
    this.start();
    return feed;
  }

  /** Forgets `feed` (its last stream has gone); with none left, the timer stops. */
  drop(key: string, feed: F): void {
    if (this.feeds.get(key) === feed) this.feeds.delete(key);
    if (this.feeds.size === 0) this.stop();
  }

  /** How many streams are open, and for how many subjects. */
  count(): { streams: number; subjects: number } {
    let streams = 0;
    for (const feed of this.feeds.values()) streams += feed.streams.size;
    return { streams, subjects: this.feeds.size };
  }

  private start(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const feed of this.feeds.values()) {
        for (const stream of feed.streams) stream.send(KEEP_ALIVE);
        if (feed.awaiting()) feed.read();
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.stopResync = onListenerResync(() => {
      for (const feed of this.feeds.values()) feed.read();
    });
  }

  private stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.stopResync?.();
    this.stopResync = null;
  }
}
