import { randomBytes, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

/**
 * The request header that carries the TCP peer (the address at the other end
 * of the socket, and whether the socket is TLS) from Node's HTTP server to
 * route handlers.
 *
 * Why a header: Next 16 gives route handlers a Request built from the
 * headers alone. Its only use of the socket is `x-forwarded-for ??=
 * socket.remoteAddress` (node_modules/next/dist/server/base-server.js), so a
 * client that sends its own X-Forwarded-For hides its real address, and
 * nothing else (no `request.ip`, no request meta) exposes it. The stamp is
 * written on the raw IncomingMessage before Next reads it, replacing whatever
 * the client sent under this name.
 */
export const SOCKET_PEER_HEADER = "x-glossa-socket-peer";

/** The peer of the socket a request arrived on. */
export interface SocketPeer {
  address: string;
  protocol: "http" | "https";
}

const GLOBAL_KEY = Symbol.for("glossa.socketPeer");

interface PeerState {
  /** Random per process: a stamp is believed only if it carries this, so a process where the hook is not installed never trusts a client's header. */
  token: string;
  installed: boolean;
}

// On globalThis: Next bundles instrumentation.ts and each route separately,
// and all of them must see the same token.
function state(): PeerState {
  const holder = globalThis as unknown as Record<symbol, PeerState | undefined>;
  holder[GLOBAL_KEY] ??= { token: randomBytes(18).toString("base64url"), installed: false };
  return holder[GLOBAL_KEY];
}

/** The header value that says a request came from `address` over `protocol` in this process. */
export function socketPeerStamp(address: string, protocol: SocketPeer["protocol"]): string {
  return `${state().token} ${protocol} ${address}`;
}

function stamp(request: IncomingMessage): void {
  const socket = request.socket as (IncomingMessage["socket"] & { encrypted?: boolean }) | undefined;
  const address = socket?.remoteAddress;
  if (address) request.headers[SOCKET_PEER_HEADER] = socketPeerStamp(address, socket?.encrypted ? "https" : "http");
  else delete request.headers[SOCKET_PEER_HEADER];
}

/**
 * Makes every HTTP(S) server in this process stamp each request with its
 * socket's peer (see SOCKET_PEER_HEADER). Called once from
 * instrumentation.ts, which Next runs in the server process before it
 * handles the first request; calling it again does nothing.
 */
export function installSocketPeerStamp(): void {
  const current = state();
  if (current.installed) return;
  current.installed = true;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit;
    prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stamp(args[0] as IncomingMessage);
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof emit;
  }
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The socket peer stamped on a request in this process, or null when there is none (or it is forged). */
export function socketPeer(headers: Headers): SocketPeer | null {
  const value = headers.get(SOCKET_PEER_HEADER);
  if (!value) return null;
  const [token, protocol, address] = value.split(" ");
  if (!token || !sameToken(token, state().token) || (protocol !== "http" && protocol !== "https") || !address) return null;
  return { address, protocol };
}
