import "server-only";

/**
 * A file download: `Content-Disposition: attachment` with its name, the
 * content type as given, and no caching anywhere (it is one reader's own
 * data). `filename` must be plain ASCII without quotes (callers build it
 * from slugs, handles and dates).
 */
export function attachment(body: string | Iterable<string>, contentType: string, filename: string): Response {
  return new Response(typeof body === "string" ? body : textStream(body), {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** Chunks of text as a byte stream, taken from `chunks` only as the client reads: a large export is never whole in memory. */
function textStream(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      // About 64 KB a pull: one annotation is 1–3 KB.
      let text = "";
      while (text.length < 65_536) {
        const next = iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += next.value;
      }
      controller.enqueue(encoder.encode(text));
    },
    cancel() {
      iterator.return?.();
    },
  });
}
