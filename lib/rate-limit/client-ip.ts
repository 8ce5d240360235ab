import { serverEnv } from "@/lib/env";
import { trustedEntry } from "@/lib/http/forwarded";
import { socketPeer } from "@/lib/http/socket-peer";

/** What a request is counted under when its address is not known (no stamp, no trusted proxy). */
export const UNKNOWN_CLIENT = "unknown";

/** An address as a rate-limit key: IPv4-mapped IPv6 unmapped, brackets and ports dropped, bounded length. */
function normaliseAddress(address: string): string {
  let value = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.startsWith("::ffff:") && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(value.slice(7))) value = value.slice(7);
  return value.slice(0, 64) || UNKNOWN_CLIENT;
}

/**
 * The client's address for per-IP rate limits.
 *
 * - `TRUST_PROXY=0` (the default: clients connect to Next directly): the
 *   socket's peer, as instrumentation.ts stamps it. X-Forwarded-For is
 *   ignored, because anyone can send one: a probe made 40 sign-ins and 20
 *   extra sign-ups with forged values and none was refused.
 * - `TRUST_PROXY=N` (N reverse proxies in front, each appending to
 *   X-Forwarded-For): the N-th entry from the right, the address the
 *   outermost proxy saw. Entries further left are the client's own claims.
 *   When the header is missing the socket's peer is used (Next sets the
 *   header to it only when a request has none).
 *
 * Without a stamp (a process where the hook is not installed) every such
 * request shares one key: stricter, never forgeable.
 */
export function clientIp(headers: Headers): string {
  const hops = serverEnv().TRUST_PROXY;
  if (hops > 0) {
    const forwarded = trustedEntry(headers.get("x-forwarded-for"), hops);
    if (forwarded) return normaliseAddress(forwarded);
  }
  const peer = socketPeer(headers);
  if (peer) return normaliseAddress(peer.address);
  warnOnceUnstamped();
  return UNKNOWN_CLIENT;
}

let warned = false;

function warnOnceUnstamped(): void {
  if (warned || serverEnv().NODE_ENV === "test") return;
  warned = true;
  console.warn(
    "Glossa: a request reached a rate limit without its socket address (instrumentation.ts did not stamp it), so per-IP limits count it under one shared key. Behind a reverse proxy, set TRUST_PROXY.",
  );
}
