import { eventsAfter, type StreamEvent } from "@/lib/live/events";
import { subscribeToEssay } from "@/lib/live/listener";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

function frame(event: StreamEvent): string {
  return `id: ${event.id}\nevent: discussion\ndata: ${JSON.stringify({ kind: event.kind, commentId: event.commentId })}\n\n`;
}

/**
 * Server-Sent Events for an essay's discussion. A client resuming with
 * Last-Event-ID (or ?after=) first gets every event it missed, from the event
 * log, then live ones as NOTIFY delivers them from any app instance. Events
 * carry ids only; the client fetches each comment through the same checks as
 * every other read, so hidden or held content never travels on the stream.
 */
export async function GET(request: Request, { params }: { params: Promise<{ essayId: string }> }) {
  const { essayId } = await params;
  const resumeFrom = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? 0) || 0;
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = resumeFrom;
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const deliver = async () => {
        for (const event of await eventsAfter(essayId, lastSent)) {
          lastSent = Math.max(lastSent, event.id);
          send(frame(event));
        }
      };
      // Serialise deliveries so events go out once and in order.
      let queue = Promise.resolve();
      const unsubscribe = await subscribeToEssay(essayId, () => {
        queue = queue.then(deliver).catch(() => undefined);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        controller.close();
      });
      send("retry: 2000\n\n");
      queue = queue.then(deliver);
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
