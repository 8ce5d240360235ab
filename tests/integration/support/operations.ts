import { readdirSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { db } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import type { AnyOperation } from "@/lib/http/contract";
import type { OperationHandler } from "@/lib/http/operation";

/** The origin integration requests claim (same-origin checks compare against it). */
export const ORIGIN = "http://glossa.test";

/** Route files that are not Glossa's operations: next-auth's own endpoint. */
const NOT_OPERATIONS = new Set(["app/api/auth/[...nextauth]/route.ts"]);

const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PATCH", "PUT", "DELETE"] as const;

/** One exported route handler, as found on disk. */
export interface RouteEntry {
  file: string;
  method: string;
  handler: Partial<OperationHandler<AnyOperation>>;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(PROJECT_ROOT, full)] : [];
  });
}

/** Every exported method of every API route file, so that a new endpoint cannot escape the generated tests. */
export async function allRoutes(): Promise<RouteEntry[]> {
  const entries: RouteEntry[] = [];
  for (const file of routeFiles(path.join(PROJECT_ROOT, "app/api")).sort()) {
    if (NOT_OPERATIONS.has(file)) continue;
    const exports = (await import(path.join(PROJECT_ROOT, file))) as Record<string, unknown>;
    for (const method of METHODS) if (exports[method]) entries.push({ file, method, handler: exports[method] as RouteEntry["handler"] });
  }
  return entries;
}

/** The route file an operation's path belongs in: /api/comments/:commentId → app/api/comments/[commentId]/route.ts. */
export function routeFileFor(operation: AnyOperation): string {
  return `app${operation.path.replace(/:([A-Za-z]+)/g, "[$1]")}/route.ts`;
}

/** The kinds of caller every guard is checked against. */
export const ACTOR_KINDS = ["anonymous", "banned", "suspended", "reader", "editor", "moderator", "admin"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

let made = 0;

/** A fresh account of that kind and its session cookie (none for anonymous). Written straight to the database: no password hashing. */
export async function actor(kind: ActorKind, secret: string): Promise<{ userId: string | null; cookie: string | null }> {
  if (kind === "anonymous") return { userId: null, cookie: null };
  made += 1;
  const id = `${Date.now().toString(36)}${made}`;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `op-${kind}-${id}@example.test`,
      handle: `op-${kind}-${id}`.slice(0, 30),
      name: `Op ${kind}`,
      role: kind === "editor" ? "EDITOR" : kind === "moderator" ? "MODERATOR" : kind === "admin" ? "ADMIN" : "READER",
      standing: kind === "banned" ? "BANNED" : kind === "suspended" ? "SUSPENDED" : "ACTIVE",
      suspendedUntil: kind === "suspended" ? new Date(Date.now() + 86_400_000) : null,
    },
  });
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret });
  return { userId: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Calls a route handler the way Next does, with a same-origin request. */
export async function callRoute(
  entry: RouteEntry,
  init: { params: Record<string, string>; query?: string; body?: string; cookie?: string | null; headers?: Record<string, string> },
): Promise<{ status: number; body: { error?: { code: string; message: string } } | null; headers: Headers }> {
  const operation = entry.handler.operation!;
  // The handler reads its parameters from the context, as Next decodes them; the URL only has to be a valid one.
  let url = `${ORIGIN}${operation.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent((init.params[name] ?? "x").toWellFormed()))}`;
  if (init.query) url += `?${init.query}`;
  const request = new Request(url, {
    method: entry.method,
    headers: {
      host: "glossa.test",
      ...(entry.method === "GET" ? {} : { origin: ORIGIN }),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const response = await (entry.handler as OperationHandler<AnyOperation>)(request, { params: Promise.resolve(init.params) });
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A live stream never ends by itself: its status and headers are the answer.
    await response.body?.cancel();
    return { status: response.status, body: null, headers: response.headers };
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A stream or other non-JSON answer.
  }
  return { status: response.status, body, headers: response.headers };
}
