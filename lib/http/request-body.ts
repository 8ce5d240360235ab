import "server-only";
import { AppError } from "@/lib/errors";

/** The largest JSON body an operation accepts unless its contract declares its own `maxBodyBytes`. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (limit: number) => new AppError("PAYLOAD_TOO_LARGE", `The request is too large: send at most ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`}.`);

/** Reads the body's bytes, stopping as soon as it passes the limit (a 1 GB body is never held in memory). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** No operation's body nests deeper than a few levels; 5,000 nested arrays overflowed the stack of the checks that walk a body. */
const MAX_JSON_DEPTH = 32;

/**
 * Finds a key that appears twice in one JSON object. JSON.parse keeps the
 * last silently, so `{"body":"ok","body":"<other>"}` would validate one value
 * and act on another; a scan of the text (strings skipped, one key set per
 * open object) costs about a microsecond per 100 bytes. Refuses nesting
 * past MAX_JSON_DEPTH on the way.
 */
export function duplicateJsonKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "{" || char === "[") {
      if (stack.length >= MAX_JSON_DEPTH) throw new AppError("BAD_REQUEST", `The request body nests deeper than ${MAX_JSON_DEPTH} levels: no Glossa request needs that.`);
      stack.push(char === "{" ? new Set() : null);
    } else if (char === "}" || char === "]") stack.pop();
    else if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const keys = stack.at(-1);
      if (keys) {
        // A string is a key when the next significant character is a colon.
        let next = end + 1;
        while (next < text.length && /\s/.test(text[next]!)) next++;
        if (text[next] === ":") {
          const key = JSON.parse(text.slice(index, end + 1)) as string;
          if (keys.has(key)) return key;
          keys.add(key);
        }
      }
      index = end;
    }
  }
  return null;
}

/**
 * The request's JSON body: 413 past the limit, 400 for a body that is not
 * UTF-8, not JSON, or names a field twice. An empty body reads as undefined.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type");
  const bytes = await readLimited(request, limit);
  if (bytes.byteLength === 0) return undefined;
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("BAD_REQUEST", "Send the request body as JSON (Content-Type: application/json).");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8 text.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
  // Only valid JSON is scanned: the scanner can trust its strings to be closed.
  const duplicate = duplicateJsonKey(text);
  if (duplicate !== null) throw new AppError("BAD_REQUEST", `The field "${duplicate}" is given twice: send it once.`);
  return value;
}
