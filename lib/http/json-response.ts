import "server-only";

/** Bodies below this size go out uncompressed: gzip costs more than it saves on them. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON answer from the API. It may hold what only this reader sees (their
 * own drafts' sources, their votes), so no cache may keep it. Next gzips every
 * route handler's response, however small, and a gzip stream per 300-byte
 * answer cost 0.4 ms of CPU per comment posted (a tenth of the request);
 * `no-transform` keeps it from compressing small bodies.
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  // UTF-8 takes at least a byte per UTF-16 unit, so a long string is no small body: only short ones are measured (a 10,000-comment thread's 4.4 MB need not be).
  const small = text.length < COMPRESS_FROM_BYTES && Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  return new Response(text, {
    status: init.status ?? 200,
    headers: { ...init.headers, "content-type": "application/json", "cache-control": small ? "private, no-store, no-transform" : "private, no-store" },
  });
}
