/**
 * Runs once in each Next server process before it handles a request. It
 * stamps every request with its socket's peer address (lib/http/socket-peer.ts),
 * because Next 16 route handlers are otherwise never told the real client
 * address: the per-IP rate limits need it when no trusted proxy is in front.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installSocketPeerStamp } = await import("@/lib/http/socket-peer");
  installSocketPeerStamp();
}
