import "server-only";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "@/lib/http/json-response";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { discussionStream } from "./discussion-stream";
import { eventsAfter, READ_BATCH, streamFacts, type StreamEvent } from "./events";
import { nudgeListener } from "./listener";
import { streamGate, type StreamGate } from "./stream-gate";

const UNKNOWN_ESSAY = "That essay does not exist.";
const BAD_POSITION = "`after` (or Last-Event-ID) is an event id: a whole number of at most 16 digits.";

/** An essay id that could exist (a cuid); anything else is a 404 without a query (and a NUL byte never reaches PostgreSQL). */
const ESSAY_ID = /^[A-Za-z0-9_-]{1,64}$/;

const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform also keeps Next from gzipping the stream (a zlib context for every idle stream).
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
};

/** What the request asks for, read from it without touching anything. */
interface StreamRequest {
  /** The last event the client has, or null for "from now on". */
  position: number | null;
  /** `Accept: application/json`: one page of events as JSON (the client's polling fallback), no stream. */
  poll: boolean;
  client: string;
}

/**
 * The client's position: Last-Event-ID (an EventSource's reconnection)
 * before `?after=`. A non-negative safe integer, or 422: `after=2147483648`
 * used to open a stream that could never deliver (an int4 overflow read as
 * "nothing yet").
 */
function readPosition(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after");
  if (raw === null || raw === "") return null;
  if (!/^[0-9]{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw new AppError("VALIDATION", BAD_POSITION, { fieldErrors: { after: [BAD_POSITION] } });
  return Number(raw);
}

function readRequest(request: Request, essayId: string): StreamRequest {
  if (!ESSAY_ID.test(essayId)) throw new AppError("NOT_FOUND", UNKNOWN_ESSAY);
  const accept = request.headers.get("accept") ?? "";
  return { position: readPosition(request), poll: accept.includes("application/json") && !accept.includes("text/event-stream"), client: clientIp(request.headers) };
}

/** Where a stream starts: the client's position, but never beyond the log's newest event (a position from the future would wait for ids that may never be written here). */
export function startPosition(position: number | null, latestEventId: number): number {
  return position === null ? latestEventId : Math.min(position, latestEventId);
}

/** One page of an essay's events after `position`, for a client that may not stream right now (over the caps) and polls instead. */
async function pollEvents(essayId: string, position: number | null): Promise<Response> {
  const facts = await streamFacts(essayId);
  if (!facts.essayExists) throw new AppError("NOT_FOUND", UNKNOWN_ESSAY);
  const after = startPosition(position, facts.latestEventId);
  const events: StreamEvent[] = after < facts.latestEventId ? (await eventsAfter(essayId, after)).map(({ id, kind, commentId }) => ({ id, kind, commentId })) : [];
  return jsonResponse({ events, latestEventId: facts.latestEventId, more: events.length === READ_BATCH });
}

/**
 * GET /api/essays/:essayId/events. Admission runs in this order, so that a
 * refused request costs next to nothing and nothing is allocated before
 * every check has passed:
 * 1. the request's own facts (essay id shape, position): 404 / 422, no I/O;
 * 2. the caps (per client address, and for the instance): 503 with
 *    Retry-After, no I/O. Checked before the database so a flood past the
 *    caps never reaches it; a seat is taken synchronously, so concurrent
 *    requests cannot overshoot while one waits for the query below;
 * 3. the essay exists, and the log's newest id, in one query: 404 gives the
 *    seat back;
 * 4. only then the stream, which gives the seat back when it ends.
 * With `Accept: application/json` it answers one page of events instead
 * (the client's fallback while it may not stream), outside the caps.
 */
export async function openDiscussionStream(request: Request, essayId: string, gate: StreamGate = streamGate()): Promise<Response> {
  const asked = readRequest(request, essayId);
  if (asked.poll) return pollEvents(essayId, asked.position);

  const admission = gate.admit(asked.client);
  if (!admission.admitted) {
    const message = admission.reason === "client" ? "Too many live streams are open from your address; the page updates every few seconds instead." : "The server has as many live streams open as it can hold; the page updates every few seconds instead.";
    throw new AppError("UNAVAILABLE", message, { retryAfterSeconds: admission.retryAfterSeconds });
  }
  const { ticket } = admission;
  let facts;
  try {
    facts = await streamFacts(essayId);
  } catch (error) {
    ticket.release();
    throw error;
  }
  if (!facts.essayExists) {
    ticket.release();
    throw new AppError("NOT_FOUND", UNKNOWN_ESSAY);
  }
  // The database just answered: a listener waiting out a backoff can reconnect now.
  nudgeListener();
  const body = discussionStream(essayId, startPosition(asked.position, facts.latestEventId), request.signal, ticket.release);
  return new Response(body, { headers: STREAM_HEADERS });
}
