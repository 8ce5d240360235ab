import "server-only";

/** A comment every so often keeps proxies from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;

/**
 * A stream whose client reads slower than events arrive is closed once this
 * much is queued for it beyond what the socket took: the client reconnects
 * and catches up, instead of the server buffering without bound for a
 * reader that never reads. (The kernel's socket buffers hold a few hundred
 * KB first, so a reader that reads at all never comes near it; an event
 * frame is ~70 bytes.)
 */
export const MAX_QUEUED_BYTES = 64 * 1024;

const encoder = new TextEncoder();
// Shared, never mutated: every stream enqueues the same bytes.
/** The heartbeat's frame. */
export const KEEP_ALIVE = encoder.encode(": keep-alive\n\n");
/** The first frame of every stream: how long a client waits before reconnecting. */
export const RETRY_HINT = encoder.encode("retry: 2000\n\n");

/** One Server-Sent Events frame. */
export function sseFrame(event: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Where a stream's bytes go: a web ReadableStream's controller (a route
 * handler's Response) or a Node ServerResponse (event-stream-server.ts).
 * `write` answers how many bytes are still queued for the reader, or -1 if
 * the reader has gone.
 */
export interface StreamSink {
  write(bytes: Uint8Array): number;
  end(): void;
}

/**
 * One open stream's writing end: sends frames to its sink, and closes once
 * the reader has gone or falls MAX_QUEUED_BYTES behind. Idle streams are
 * what a flood is made of, so this holds the sink and nothing else (no
 * timer, no closures over request state; measured in bench:faults).
 */
export abstract class SinkStream {
  closed = false;

  constructor(
    private readonly sink: StreamSink,
    private readonly onClose: (() => void) | undefined,
  ) {}

  /** Takes the stream out of whatever feeds it; runs once, when it closes. */
  protected abstract detach(): void;

  send(bytes: Uint8Array): void {
    if (this.closed) return;
    let queued: number;
    try {
      queued = this.sink.write(bytes);
    } catch {
      queued = -1;
    }
    if (queued < 0 || queued > MAX_QUEUED_BYTES) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    try {
      this.sink.end();
    } catch {
      // Already closed by the reader.
    }
    this.onClose?.();
  }
}

/**
 * The same stream as a web ReadableStream (a route handler's Response body):
 * `attach` starts it into a sink and returns the function that ends it; it
 * ends when `signal` aborts or the reader cancels.
 */
export function webEventStream(signal: AbortSignal, attach: (sink: StreamSink) => () => void, onClose?: () => void): ReadableStream<Uint8Array> {
  let close: (() => void) | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (signal.aborted) {
          controller.close();
          onClose?.();
          return;
        }
        const sink: StreamSink = {
          write(bytes) {
            controller.enqueue(bytes);
            return -(controller.desiredSize ?? 0);
          },
          end: () => controller.close(),
        };
        close = attach(sink);
        signal.addEventListener("abort", () => close?.(), { once: true });
      },
      cancel() {
        close?.();
      },
    },
    // Counted in bytes, so desiredSize says how much waits for the reader.
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
}
