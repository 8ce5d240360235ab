import net from "node:net";

/** An attempt to open an event stream: its status, Retry-After, and the open socket if it was admitted. */
export interface StreamAttempt {
  status: number;
  retryAfter: string | null;
  socket: net.Socket | null;
}

/**
 * The `index`-th loopback source address (127.0.1.0 onwards): the whole of
 * 127/8 reaches the loopback interface, so one machine can be hundreds of
 * clients, as a flood from many hosts would be.
 */
export function loopbackAddress(index: number): string {
  return `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
}

/**
 * Opens one idle event stream over a bare socket (a few hundred bytes of
 * client state, so 20,000 fit in the benchmark's own process) from
 * `localAddress`: sends the GET, reads the status line, keeps the socket if
 * it is 200 (reading and dropping what arrives, as an idle client does) and
 * closes it otherwise. Gives up after `timeoutMs` (status 0).
 */
export function openStream(port: number, path: string, localAddress: string, timeoutMs = 15_000): Promise<StreamAttempt> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, localAddress });
    let head = "";
    let settled = false;
    const settle = (attempt: StreamAttempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const timer = setTimeout(() => {
      socket.destroy();
      settle({ status: 0, retryAfter: null, socket: null });
    }, timeoutMs);
    socket.setNoDelay(true);
    socket.on("connect", () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nConnection: keep-alive\r\n\r\n`));
    socket.on("data", (chunk: Buffer) => {
      if (settled) return;
      head += chunk.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end < 0 && head.length < 16_384) return;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const retryAfter = /\r\nretry-after: *([^\r]*)/i.exec(head)?.[1] ?? null;
      if (status === 200) {
        settle({ status, retryAfter, socket });
      } else {
        socket.destroy();
        settle({ status, retryAfter, socket: null });
      }
    });
    socket.on("error", () => settle({ status: 0, retryAfter: null, socket: null }));
    socket.on("close", () => settle({ status: 0, retryAfter: null, socket: null }));
  });
}

/** Runs `count` tasks with at most `concurrency` in flight (connections opened in waves, not all in one SYN burst). */
export async function inWaves<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let index = next++; index < count; index = next++) results[index] = await task(index);
    }),
  );
  return results;
}

/** What a held stream delivered: each discussion event's comment id with when it arrived. */
export interface StreamListener {
  arrivals: Map<number, number>;
  /** How many times the connection ended and was opened again (0: connected throughout). */
  reconnects: number;
  stop(): void;
}

/**
 * Follows an essay's events the way the page does, reconnecting with
 * Last-Event-ID if the connection ends; records when each comment event
 * arrives (performance.now()).
 */
export function listen(base: string, essayId: string, after: number): StreamListener {
  const controller = new AbortController();
  const listener: StreamListener = { arrivals: new Map(), reconnects: -1, stop: () => controller.abort() };
  let lastId = after;
  void (async () => {
    for (let attempt = 0; attempt < 1_000 && !controller.signal.aborted; attempt++) {
      listener.reconnects += 1;
      try {
        const response = await fetch(`${base}/api/essays/${essayId}/events?after=${lastId}`, { signal: controller.signal, headers: { accept: "text/event-stream" } });
        if (response.status !== 200 || !response.body) throw new Error(String(response.status));
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!id || !data) continue;
            lastId = Math.max(lastId, Number(id));
            const event = JSON.parse(data) as { kind: string; commentId: number | null };
            if (event.kind === "comment" && event.commentId && !listener.arrivals.has(event.commentId)) listener.arrivals.set(event.commentId, performance.now());
          }
        }
      } catch {
        // Dropped or refused: try again shortly.
      }
      if (!controller.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return listener;
}
