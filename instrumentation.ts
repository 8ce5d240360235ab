/**
 * Runs once in each Next server process before it handles a request. It
 * stamps every request with its socket's peer address (lib/http/socket-peer.ts),
 * because Next 16 route handlers are otherwise never told the real client
 * address: the per-IP rate limits need it when no trusted proxy is in front.
 * It also serves the discussion event streams below Next
 * (lib/live/event-stream-server.ts), where an idle stream costs a tenth of
 * the memory it costs as a route handler's response. And it starts the
 * instance's mail worker, which sends what the outbox holds
 * (lib/mail/outbox-worker.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installSocketPeerStamp } = await import("@/lib/http/socket-peer");
  installSocketPeerStamp();
  const { installEventStreamServer } = await import("@/lib/live/event-stream-server");
  installEventStreamServer();
  const { installOutboxWorker } = await import("@/lib/mail/outbox-worker");
  installOutboxWorker();
}
