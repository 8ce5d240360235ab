import "server-only";
import { AppError } from "@/lib/errors";

/** A POST body as next-auth reads it: field name → text. */
export type AuthBody = Record<string, string>;

/** Fields that decide who signs in, or whether the request is genuine: each must appear at most once, as text. */
export const CREDENTIAL_FIELDS = ["email", "password", "csrfToken"] as const;

/** Larger than any sign-in, sign-out or OAuth form (a 1,000-character password is 3 KB encoded). */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

const JSON_TYPE = "application/json";

/**
 * Which of the two encodings next-auth reads a Content-Type names, or null
 * for anything else (next-auth v4's App Router adapter,
 * node_modules/next-auth/next/utils.js getBody, quietly ignores other bodies,
 * and picks by `includes`, so "text/plain; x=application/json" is JSON to it).
 * Only a bare type with an optional UTF-8 charset is accepted.
 */
function encodingOf(contentType: string | null): "form" | "json" | null {
  const match = /^\s*(application\/x-www-form-urlencoded|application\/json)\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.exec(contentType ?? "");
  if (!match) return null;
  return match[1]!.toLowerCase() === JSON_TYPE ? "json" : "form";
}

function badRequest(message: string): AppError {
  return new AppError("BAD_REQUEST", message);
}

/**
 * The names of an object literal's top-level keys in JSON text, in order and
 * with repeats, decoded as JSON.parse decodes them. JSON.parse keeps the last
 * of two equal keys silently; counting them is the only way to refuse
 * `{"email":"decoy","email":"victim"}`. Call only on text JSON.parse
 * accepted, so the scan can assume well-formed input.
 */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '"') {
      let end = index + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && expectKey) {
        keys.push(JSON.parse(text.slice(index, end + 1)) as string);
        expectKey = false;
      }
      index = end;
    } else if (char === "{" || char === "[") {
      depth += 1;
      expectKey = depth === 1 && char === "{";
    } else if (char === "}" || char === "]") {
      depth -= 1;
    } else if (char === "," && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}

function refuseRepeats(names: Iterable<string>): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (!(CREDENTIAL_FIELDS as readonly string[]).includes(name)) continue;
    if (seen.has(name)) throw badRequest(`The request names “${name}” more than once. Send each of email, password and csrfToken once.`);
    seen.add(name);
  }
}

/**
 * Reads a POST body to /api/auth once, exactly as next-auth would (last value
 * of a repeated form field, JSON as parsed), so the caller can count the
 * email that will actually be authenticated and then hand next-auth this
 * same object. Refuses with 400 what would let the two disagree or what
 * next-auth cannot read: a Content-Type other than form or JSON, a JSON body
 * that is not an object of text fields (what a form would send), a
 * credential field given twice (a probe's decoy `email=a&password=…&email=victim`
 * was counted as "a" and authenticated as "victim"); 413 past 16 KB.
 */
export async function readAuthBody(request: Request): Promise<AuthBody> {
  const encoding = encodingOf(request.headers.get("content-type"));
  if (!encoding) throw badRequest("Send this form as application/x-www-form-urlencoded or application/json.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_AUTH_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "That request is too large.");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_AUTH_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "That request is too large.");

  if (encoding === "form") {
    const params = new URLSearchParams(text);
    refuseRepeats(params.keys());
    return Object.fromEntries(params);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badRequest("The request body must be a JSON object.");
  refuseRepeats(topLevelKeys(text));
  for (const [field, value] of Object.entries(parsed)) {
    if (typeof value !== "string") throw badRequest(`“${field}” must be text.`);
  }
  return parsed as AuthBody;
}

/** The account an attempt names, normalised as lib/auth/schemas.ts signInSchema normalises it before looking it up. */
export function attemptedEmail(body: AuthBody): string {
  return (body.email ?? "").trim().toLowerCase().slice(0, 254);
}
