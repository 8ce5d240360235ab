import "server-only";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { validationError } from "@/lib/http/respond";
import { counterText } from "@/lib/validation";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { discussionStream } from "./discussion-stream";
import { eventsAfter, newestEventId, READ_BATCH, streamFacts, type StreamEvent } from "./events";
import { nudgeListener } from "./listener";
import { ROUTE_STREAM_SEATS, streamGate, type StreamGate } from "./stream-gate";

const UNKNOWN_ESSAY = "That essay does not exist.";

/** Last-Event-ID (an EventSource's reconnection) is read as the contract reads `?after=`. */
const lastEventIdSchema = counterText("Last-Event-ID is an event id: a whole number.");

/** The headers of an event stream, whichever server layer sends it. */
export const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next from gzipping the stream (a zlib context for every idle stream).
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

/** What a stream request asks for, read from its URL and headers without touching anything. */
export interface StreamRequest {
  essayId: string;
  /** The last event the client has, or null for "from now on". */
  position: number | null;
  /** `Accept: application/json`: one page of events as JSON (the client's polling fallback), no stream. */
  poll: boolean;
  /** Whom the per-client cap counts this under (clientIp: the socket's peer, or the trusted proxy's entry). */
  client: string;
}

/**
 * Step 1 of admission: the request's own facts, no I/O. The essay id and
 * `after` come parsed by the operation's contract (lib/live/contracts.ts:
 * 404 for an id that cannot be an essay's, 422 for a position that is not an
 * int4 event id; `after=2147483648` used to open a stream that could never
 * deliver). Last-Event-ID, an EventSource's reconnection, wins over `after`.
 */
export function readStreamRequest(headers: Headers, input: { essayId: string; after?: number }): StreamRequest {
  const lastEventId = headers.get("last-event-id");
  const parsed = lastEventId === null || lastEventId === "" ? null : lastEventIdSchema.safeParse(lastEventId);
  if (parsed && !parsed.success) throw validationError(parsed.error);
  const accept = headers.get("accept") ?? "";
  return {
    essayId: input.essayId,
    position: parsed?.data ?? input.after ?? null,
    poll: accept.includes("application/json") && !accept.includes("text/event-stream"),
    client: clientIp(headers),
  };
}

/** Where a stream starts: the client's position, but never beyond the log's newest event (a position from the future would wait for ids that may never be written here). */
export function startPosition(position: number | null, latestEventId: number): number {
  return position === null ? latestEventId : Math.min(position, latestEventId);
}

/** A stream that may open: where it starts, and the seat to give back when it ends. */
export interface AdmittedStream {
  start: number;
  release: () => void;
}

/** Essays known to exist are remembered this long, so a request for one needs no query before the caps. */
const KNOWN_ESSAY_MS = 60_000;
/** At most this many are remembered (only essays that exist: made-up ids cannot grow it). */
const KNOWN_ESSAYS = 10_000;
const knownEssays = new Map<string, number>();

function isKnownEssay(essayId: string, now: number): boolean {
  const until = knownEssays.get(essayId);
  if (until === undefined) return false;
  if (until > now) return true;
  knownEssays.delete(essayId);
  return false;
}

function rememberEssay(essayId: string, now: number): void {
  knownEssays.delete(essayId);
  knownEssays.set(essayId, now + KNOWN_ESSAY_MS);
  if (knownEssays.size > KNOWN_ESSAYS) knownEssays.delete(knownEssays.keys().next().value!);
}

/**
 * Steps 2 to 4 of admission, so that nothing is allocated before every
 * check has passed and a refusal costs as little as it can:
 * 2. the essay exists: 404 otherwise, whatever the caps say. An essay seen
 *    within the last minute needs no query; otherwise one query answers
 *    this and the log's newest id (~0.1 ms on the server). Why remember:
 *    with the caps full, bench:faults sends 10,000 more requests for a real
 *    essay, and each would otherwise query the database only to be refused.
 *    Only essays that exist are remembered, so made-up ids cannot grow it;
 * 3. the caps (per client address, and for the instance): 503 with
 *    Retry-After. The seat is taken synchronously, so concurrent requests
 *    cannot overshoot while one of them waits for the database;
 * 4. the log's newest id, if step 2 did not read it (a position beyond it
 *    starts from it): an error here gives the seat back.
 * The caller then opens the stream, which gives the seat back when it ends.
 * `seats`: what the stream costs against the instance's cap (stream-gate.ts).
 */
export async function admitStream(asked: StreamRequest, gate: StreamGate = streamGate(), seats = 1): Promise<AdmittedStream> {
  let latest: number | null = null;
  if (!isKnownEssay(asked.essayId, Date.now())) {
    const facts = await streamFacts(asked.essayId);
    if (!facts.essayExists) throw new AppError("NOT_FOUND", UNKNOWN_ESSAY);
    rememberEssay(asked.essayId, Date.now());
    latest = facts.latestEventId;
  }
  const admission = gate.admit(asked.client, seats);
  if (!admission.admitted) {
    const message =
      admission.reason === "client"
        ? "Too many live streams are open from your address; the page updates every few seconds instead."
        : "The server has as many live streams open as it can hold; the page updates every few seconds instead.";
    throw new AppError("UNAVAILABLE", message, { retryAfterSeconds: admission.retryAfterSeconds });
  }
  const { ticket } = admission;
  try {
    latest ??= await newestEventId();
  } catch (error) {
    ticket.release();
    throw error;
  }
  // The database just answered: a listener waiting out a backoff can reconnect now.
  nudgeListener();
  return { start: startPosition(asked.position, latest), release: ticket.release };
}

/** One page of an essay's events after the client's position, for a client that may not stream right now (over the caps) and polls instead. Outside the caps: it holds nothing open. */
export async function pollDiscussionEvents(asked: StreamRequest): Promise<Response> {
  const facts = await streamFacts(asked.essayId);
  if (!facts.essayExists) throw new AppError("NOT_FOUND", UNKNOWN_ESSAY);
  const after = startPosition(asked.position, facts.latestEventId);
  const events: StreamEvent[] = after < facts.latestEventId ? (await eventsAfter(asked.essayId, after)).map(({ id, kind, commentId, highlightId }) => ({ id, kind, commentId, highlightId })) : [];
  return jsonResponse({ events, latestEventId: facts.latestEventId, more: events.length === READ_BATCH });
}

/**
 * GET /api/essays/:essayId/events through Next's route handler: the
 * request's facts, the essay and the caps (above), then the stream as the
 * Response body. With `Accept: application/json` it answers one page of
 * events instead. In production, event streams are served below Next by
 * event-stream-server.ts (the same admission, a tenth of the memory per
 * stream); this path serves them wherever that is not installed (tests,
 * and any server it does not hook).
 */
export async function openDiscussionStream(request: Request, input: { essayId: string; after?: number }, gate: StreamGate = streamGate()): Promise<Response> {
  const asked = readStreamRequest(request.headers, input);
  if (asked.poll) return pollDiscussionEvents(asked);
  const { start, release } = await admitStream(asked, gate, ROUTE_STREAM_SEATS);
  return new Response(discussionStream(asked.essayId, start, request.signal, release), { headers: STREAM_HEADERS });
}
