import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { serverEnv } from "@/lib/env";
import { parseUrlInput } from "@/lib/http/operation";
import { errorResponse } from "@/lib/http/respond";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { SOCKET_PEER_HEADER, socketPeerStamp } from "@/lib/http/socket-peer";
import { admitViewer } from "@/lib/auth/guard";
import { sessionForRequest } from "@/lib/auth/viewer";
import { admitBellStream, attachBellStream } from "@/lib/notifications/bell-stream";
import { streamNotifications } from "@/lib/notifications/contracts";
import { streamDiscussionEvents } from "./contracts";
import { attachDiscussionStream } from "./discussion-stream";
import type { StreamSink } from "./sink-stream";
import { admitStream, readStreamRequest, STREAM_HEADERS } from "./open-discussion-stream";

/**
 * Event streams served below Next, on the Node HTTP server itself.
 *
 * Why: through a route handler, every open stream keeps Next's whole
 * request pipeline suspended (17 async frames, ~90 promises, two web-stream
 * pairs and a pipeTo): measured on a production build, 61 KB of heap and
 * ~180 KB of RSS per idle stream, so 5,000 streams needed 300 MB of heap
 * against the production limit of 192 MB, and 2,000 killed the process. A
 * ServerResponse written directly costs 5 KB of heap per stream (same
 * machine, same stream code), and a refused or unknown-essay request never
 * enters Next at all.
 *
 * What is the same: the request is read by the same operation contract
 * (lib/live/contracts.ts, through parseUrlInput), admission is the route's
 * (open-discussion-stream.ts: the request's facts, the essay, the caps, then
 * the stream), errors go
 * through the one mapping (lib/http/respond.ts), and the headers are those
 * next.config.js gives every API response. The reader's bell
 * (GET /api/notifications/events) is served here the same way, through its
 * contract's guard (a bell refused a stream polls /api/notifications/summary). Only
 * GET streams are claimed; discussion polling (Accept: application/json) and
 * every other request reach Next.
 */

const EVENTS_PATH = /^\/api\/essays\/([^/?#]+)\/events(?:\?|$)/;
const BELL_PATH = /^\/api\/notifications\/events(?:\?|$)/;

/** A stream this server answers itself: an essay's discussion, or the reader's bell. */
export type ClaimedStream = { kind: "discussion"; essayId: string } | { kind: "bell" };

/** The headers next.config.js gives /api responses, which a response written here would otherwise not carry. */
function apiHeaders(): Record<string, string> {
  const https = serverEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** The stream a request asks for that this server answers itself, or null for one Next should have. */
export function claimedStream(request: IncomingMessage): ClaimedStream | null {
  if (request.method !== "GET") return null;
  const url = request.url ?? "";
  if (BELL_PATH.test(url)) return { kind: "bell" };
  const accept = request.headers.accept ?? "";
  if (accept.includes("application/json") && !accept.includes("text/event-stream")) return null;
  const match = EVENTS_PATH.exec(url);
  if (!match) return null;
  try {
    return { kind: "discussion", essayId: decodeURIComponent(match[1]!) };
  } catch {
    // Malformed percent-encoding: not an id; admission answers 404.
    return { kind: "discussion", essayId: "" };
  }
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name === SOCKET_PEER_HEADER) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  // The peer as lib/http/socket-peer.ts stamps it, so clientIp counts this request as it counts every other.
  const socket = request.socket as IncomingMessage["socket"] & { encrypted?: boolean };
  if (socket.remoteAddress) headers.set(SOCKET_PEER_HEADER, socketPeerStamp(socket.remoteAddress, socket.encrypted ? "https" : "http"));
  return headers;
}

async function writeError(response: ServerResponse, error: unknown): Promise<void> {
  const answer = errorResponse(error);
  const body = Buffer.from(await answer.arrayBuffer());
  if (response.headersSent || response.destroyed) return;
  response.writeHead(answer.status, { ...Object.fromEntries(answer.headers), ...apiHeaders(), "content-length": String(body.length) });
  response.end(body);
}

/** Writes an admitted stream straight to the socket; `attach` starts it and returns the function that ends it. */
function startStream(response: ServerResponse, release: () => void, attach: (sink: StreamSink, release: () => void) => () => void): void {
  if (response.destroyed) {
    release();
    return;
  }
  response.writeHead(200, { ...STREAM_HEADERS, ...apiHeaders() });
  const sink: StreamSink = {
    write(bytes) {
      if (response.destroyed || response.writableEnded) return -1;
      response.write(bytes);
      return response.writableLength;
    },
    end: () => response.end(),
  };
  response.once("close", attach(sink, release));
}

/** Answers one event-stream request: the contract and admission of its route, then the stream written straight to the socket. */
export async function serveEventStream(request: IncomingMessage, response: ServerResponse, claimed: ClaimedStream): Promise<void> {
  try {
    const url = new URL(request.url ?? "/", "http://glossa.internal");
    if (claimed.kind === "bell") {
      const asked = new Request(url, { headers: requestHeaders(request) });
      const viewer = await admitViewer(streamNotifications.guard, asked);
      parseUrlInput(streamNotifications, {}, url);
      const { sessionVersion } = await sessionForRequest(asked);
      startStream(response, admitBellStream(asked.headers), (sink, release) => attachBellStream(viewer.id, sessionVersion!, sink, release));
      return;
    }
    const { params, query } = parseUrlInput(streamDiscussionEvents, { essayId: claimed.essayId }, url);
    const asked = readStreamRequest(requestHeaders(request), { essayId: params.essayId, after: query.after });
    const { start, release } = await admitStream(asked);
    startStream(response, release, (sink, release) => attachDiscussionStream(asked.essayId, start, sink, release));
  } catch (error) {
    await writeError(response, error);
  }
}

const INSTALLED = Symbol.for("glossa.eventStreamServer");

/**
 * Makes every HTTP(S) server in this process answer event-stream requests
 * itself (see above). Called once from instrumentation.ts, which Next runs
 * before it handles the first request; calling it again does nothing. Under
 * `next dev` the handler is the one loaded first until the server restarts.
 */
export function installEventStreamServer(): void {
  const holder = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit;
    prototype.emit = function emitWithEventStreams(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") {
        const [request, response] = args as [IncomingMessage, ServerResponse];
        const claimed = claimedStream(request);
        if (claimed !== null) {
          void serveEventStream(request, response, claimed);
          return true;
        }
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
}
