import { serverEnv } from "@/lib/env";
import { trustedEntry } from "./forwarded";
import { socketPeer } from "./socket-peer";

// A host as a URL can carry it: a DNS name or IPv4 address, or a bracketed
// IPv6 address, each with an optional port. Anything else (spaces, slashes,
// "@", several hosts) is not used to build a URL.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function validHost(value: string | null | undefined): string | undefined {
  const host = value?.trim();
  return host && host.length <= 255 && HOST.test(host) ? host.toLowerCase() : undefined;
}

/**
 * The origin the client addressed, e.g. "http://localhost:3000": what
 * same-origin checks compare Origin with, and what next-auth builds its URLs
 * on when NEXTAUTH_URL is unset.
 *
 * The host is the Host header (browsers always send the host and port they
 * used). X-Forwarded-Host and X-Forwarded-Proto are believed only behind a
 * trusted proxy (TRUST_PROXY ≥ 1), taking the entry the outermost proxy
 * wrote; directly, anyone could send them. The protocol is otherwise the
 * socket's (http unless Next itself serves TLS).
 */
export function publicOrigin(request: Request): string {
  const url = new URL(request.url);
  const hops = serverEnv().TRUST_PROXY;
  const headers = request.headers;
  const host = (hops > 0 ? validHost(trustedEntry(headers.get("x-forwarded-host"), hops)) : undefined) ?? validHost(headers.get("host")) ?? url.host;
  const forwardedProtocol = hops > 0 ? trustedEntry(headers.get("x-forwarded-proto"), hops)?.toLowerCase() : undefined;
  const protocol = forwardedProtocol === "http" || forwardedProtocol === "https" ? forwardedProtocol : (socketPeer(headers)?.protocol ?? url.protocol.slice(0, -1));
  return `${protocol}://${host}`;
}
