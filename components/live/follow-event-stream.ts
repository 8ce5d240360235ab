"use client";

/** One Server-Sent Events frame as the server wrote it. */
export interface EventFrame {
  id: number | null;
  event: string;
  data: string;
}

/** Reconnection after a dropped stream or a network error: 1 s doubling to 30 s, with jitter. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The longest a refused page waits before asking for a stream again, however often it was refused. */
const MAX_REFUSED_MS = 10 * 60_000;

/** Resolves after `ms`, or at once when `signal` aborts. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/** `ms` give or take a fifth, so pages refused together do not come back together. */
export const jitter = (ms: number) => ms * (0.8 + Math.random() * 0.4);

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

/** Reads an open stream until it ends, handing each frame over. */
async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (frame: EventFrame) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const frame: EventFrame = { id: null, event: "message", data: "" };
      for (const line of block.split("\n")) {
        if (line.startsWith("id:")) frame.id = Number(line.slice(3).trim());
        else if (line.startsWith("event:")) frame.event = line.slice(6).trim();
        else if (line.startsWith("data:")) frame.data += line.slice(5).trim();
      }
      if (frame.data) onFrame(frame);
    }
  }
}

/** What a page following a stream says about it. */
export interface StreamFollower {
  /** Where to connect, asked before every attempt. */
  url(): string;
  /** Each frame with data, while a stream is open. */
  onFrame(frame: EventFrame): void;
  /** A stream has opened. */
  onOpen?(): void;
  /** The server refused a stream (503, its caps on open streams): keep the page current some other way (poll) until `until`. */
  whileRefused(until: number, stop: AbortSignal): Promise<void>;
}

/**
 * Follows a Server-Sent Events stream until `stop` aborts, read with fetch
 * (an EventSource cannot see a 503 or its Retry-After, and gives up on it
 * for good). When the server refuses a stream, the follower's `whileRefused`
 * runs until Retry-After has passed (doubling each time it is refused again,
 * up to 10 min), then a stream is asked for again. A 4xx (not found, signed
 * out) ends it; a dropped connection or a 5xx reconnects with backoff.
 */
export function followEventStream(follower: StreamFollower, stop: AbortSignal): void {
  void (async () => {
    let failures = 0;
    let refusals = 0;
    while (!stop.aborted) {
      let response: Response | null = null;
      try {
        response = await fetch(follower.url(), { headers: { accept: "text/event-stream" }, cache: "no-store", signal: stop });
      } catch {
        response = null;
      }
      if (stop.aborted) return;
      if (response?.status === 503) {
        refusals += 1;
        await response.body?.cancel().catch(() => undefined);
        await follower.whileRefused(Date.now() + Math.min(MAX_REFUSED_MS, retryAfterMs(response) * 2 ** Math.min(refusals - 1, 5)), stop);
        continue;
      }
      if (response && response.status >= 400 && response.status < 500) return;
      if (response?.ok && response.body) {
        refusals = 0;
        follower.onOpen?.();
        const opened = Date.now();
        try {
          await readFrames(response.body, (frame) => follower.onFrame(frame));
        } catch {
          // Dropped: reconnect below.
        }
        // A stream that stayed up a while was a good connection: start the backoff over.
        if (Date.now() - opened > MAX_RETRY_MS) failures = 0;
      }
      if (stop.aborted) return;
      const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, stop);
    }
  })();
}
