import "server-only";
import { advance, awaitedGaps, startCursor } from "./event-cursor";
import { eventsAfter, READ_BATCH, type StreamEvent } from "./events";
import { subscribeToEssay } from "./listener";

/** A comment every so often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

function frame(event: StreamEvent): string {
  return `id: ${event.id}\nevent: discussion\ndata: ${JSON.stringify({ kind: event.kind, commentId: event.commentId })}\n\n`;
}

/**
 * The Server-Sent Events body for an essay's discussion, from the event
 * after `resumeFrom`: first everything the client missed, from the event
 * log, then each change as NOTIFY announces it from any app instance.
 * Notifications that arrive while the log is being read fold into one more
 * read, so a burst of writes costs a stream a few reads rather than one per
 * write. Ends when `signal` aborts.
 */
export function discussionStream(essayId: string, resumeFrom: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const cursor = startCursor(resumeFrom);
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const readLog = async () => {
        for (;;) {
          const batch = await eventsAfter(essayId, cursor.after, awaitedGaps(cursor, Date.now()));
          for (const event of advance(cursor, essayId, batch, Date.now())) send(frame(event));
          if (batch.length < READ_BATCH || closed) return;
        }
      };
      // One read at a time, so events go out once and in order; at most one more waits behind it.
      let reading = Promise.resolve();
      let readPending = false;
      const scheduleRead = () => {
        if (readPending) return;
        readPending = true;
        reading = reading
          .then(() => {
            readPending = false;
            return readLog();
          })
          .catch(() => undefined);
      };
      const unsubscribe = await subscribeToEssay(essayId, scheduleRead);
      const heartbeat = setInterval(() => {
        send(": keep-alive\n\n");
        // Gaps still awaited are asked for again even if no write comes along.
        if (cursor.gaps.size) scheduleRead();
      }, HEARTBEAT_MS);
      cleanup = () => {
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
      };
      signal.addEventListener("abort", () => {
        cleanup();
        controller.close();
      });
      send("retry: 2000\n\n");
      scheduleRead();
    },
    cancel() {
      cleanup();
    },
  });
}
