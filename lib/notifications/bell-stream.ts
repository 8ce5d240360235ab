import "server-only";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { Feed, FeedRegistry } from "@/lib/live/feed";
import { nudgeListener, subscribeToUser } from "@/lib/live/listener";
import { STREAM_HEADERS } from "@/lib/live/open-discussion-stream";
import { RETRY_HINT, SinkStream, sseFrame, webEventStream, type StreamSink } from "@/lib/live/sink-stream";
import { ROUTE_STREAM_SEATS, streamGate, type StreamGate } from "@/lib/live/stream-gate";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { unreadSummary } from "./notifications";

/** What the bell shows: the unread count and the newest notification's id (which moves when one arrives, though the count may not). */
export interface BellSummary {
  unread: number;
  latestId: number;
}

/** A reader's bell summary, and the session version their account holds now (null once it is banned or deleted: every stream ends). */
async function bellFacts(userId: string): Promise<BellSummary & { sessionVersion: number | null }> {
  const [account, summary] = await Promise.all([db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, standing: true, deletedAt: true } }), unreadSummary(userId)]);
  const live = account !== null && account.deletedAt === null && account.standing !== "BANNED";
  return { ...summary, sessionVersion: live ? account.sessionVersion : null };
}

/** One open bell: the session it was opened with and what it last showed. */
class BellStream extends SinkStream {
  /** `unread:latestId` as last sent, so a signal that changed nothing sends nothing. */
  shown = "";

  constructor(
    readonly feed: ReaderFeed,
    readonly sessionVersion: number,
    sink: StreamSink,
    onClose: (() => void) | undefined,
  ) {
    super(sink, onClose);
  }

  protected detach(): void {
    this.feed.remove(this);
  }
}

/** The open bells of one reader (every tab, on this instance), fed by one subscription (feed.ts): a signal costs one read of three indexed rows, however many tabs are open. */
class ReaderFeed extends Feed<BellStream> {
  private readonly unsubscribe: () => void;

  constructor(readonly userId: string) {
    super();
    this.unsubscribe = subscribeToUser(userId, () => this.read());
  }

  protected retire(): void {
    this.unsubscribe();
    readers.drop(this.userId, this);
  }

  protected async readOnce(streams: readonly BellStream[]): Promise<void> {
    const facts = await bellFacts(this.userId);
    const shown = `${facts.unread}:${facts.latestId}`;
    for (const stream of streams) {
      // Signed out everywhere, a new password, banned or deleted: this session has ended, and so does its bell.
      if (stream.sessionVersion !== facts.sessionVersion) stream.close();
      else if (stream.shown !== shown) {
        stream.shown = shown;
        stream.send(sseFrame("notifications", { unread: facts.unread, latestId: facts.latestId } satisfies BellSummary));
      }
    }
  }
}

const readers = new FeedRegistry((userId) => new ReaderFeed(userId));

/**
 * Starts a reader's bell into `sink`: the summary now, then again each time
 * their notifications change or are read, from any tab on any app instance
 * (told by triggers on Notification and User, and for reply notices, which
 * the comment's own statement writes, by announceBellChanges after its
 * commit: lib/live/publish.ts). Ends when
 * the session it was opened with ends. Returns the function that ends it;
 * `onClose` runs once when it ends, whoever ends it.
 */
export function attachBellStream(userId: string, sessionVersion: number, sink: StreamSink, onClose?: () => void): () => void {
  const stream = new BellStream(readers.feedFor(userId), sessionVersion, sink, onClose);
  stream.send(RETRY_HINT);
  if (!stream.closed) stream.feed.add(stream);
  return () => stream.close();
}

/** How many bells this instance has open, and for how many readers. */
export function openBellCount(): { streams: number; readers: number } {
  const { streams, subjects } = readers.count();
  return { streams, readers: subjects };
}

/**
 * Admission of a bell whose guard has passed: a seat under the same caps as
 * discussion streams (per client address, and for the instance: 503 with
 * Retry-After, and the bell polls meanwhile). Returns the seat to give back.
 */
export function admitBellStream(headers: Headers, gate: StreamGate = streamGate(), seats = 1): () => void {
  const admission = gate.admit(clientIp(headers), seats);
  if (!admission.admitted) {
    throw new AppError("UNAVAILABLE", "Too many live streams are open; your notifications update every few seconds instead.", { retryAfterSeconds: admission.retryAfterSeconds });
  }
  nudgeListener();
  return admission.ticket.release;
}

/**
 * GET /api/notifications/events through Next's route handler, for a member
 * the contract's guard admitted. In production it is served below Next by
 * event-stream-server.ts (the same guard and admission); this path serves it
 * wherever that is not installed.
 */
export function openBellStream(request: Request, userId: string, sessionVersion: number, gate: StreamGate = streamGate()): Response {
  const release = admitBellStream(request.headers, gate, ROUTE_STREAM_SEATS);
  return new Response(
    webEventStream(request.signal, (sink) => attachBellStream(userId, sessionVersion, sink, release), release),
    { headers: STREAM_HEADERS },
  );
}
