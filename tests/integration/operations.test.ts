import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { disconnectDb } from "@/lib/db/client";
import type { AnyOperation, Guard } from "@/lib/http/contract";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { ACTOR_KINDS, actor, allRoutes, callRoute, routeFileFor, type ActorKind, type RouteEntry } from "./support/operations";

const SECRET = "operations-test-secret-operations-test-secret";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

const routes = await allRoutes();

/** What the guard alone decides for a kind of caller, from its declaration. */
function admits(guard: Guard, kind: ActorKind): boolean {
  if (guard === "public") return true;
  if (kind === "anonymous" || kind === "banned") return false;
  // Only a reader under a sanction; a banned one only with the ban notice's token, which no session cookie is (see the appeal tests).
  if (guard === "sanctioned") return kind === "suspended";
  if (guard === "member") return true;
  if (kind === "suspended") return false;
  if (guard === "writer") return true;
  const ranked = ["reader", "editor", "moderator", "admin"] as const;
  return ranked.indexOf(kind as (typeof ranked)[number]) >= ranked.indexOf(guard.role.toLowerCase() as (typeof ranked)[number]);
}

/** Path parameters that reach the handler: a serial id or a text id, whichever the schema takes. */
function probeParams(operation: AnyOperation): Record<string, string> {
  const names = [...operation.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, operation.params?.safeParse({ ...Object.fromEntries(names.map((n) => [n, "1"])) }).success ? "1" : "probe"]));
}

describe("every endpoint is an operation", () => {
  it("each exported route handler is built from a contract, for its own method and path", () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const operation = route.handler.operation;
      expect(operation, `${route.method} in ${route.file} is not built with handle(contract, …)`).toBeDefined();
      expect(operation!.method, `${route.file}`).toBe(route.method);
      expect(routeFileFor(operation!), `${operation!.name}`).toBe(route.file);
    }
  });
});

describe("the guard matrix: every operation × every kind of caller", () => {
  const cells = routes.flatMap((route) => ACTOR_KINDS.map((kind) => ({ route, kind })));

  it.each(cells.map((cell) => [`${cell.route.handler.operation?.name ?? cell.route.file} as ${cell.kind}`, cell] as const))(
    "%s",
    async (_name, { route, kind }: { route: RouteEntry; kind: ActorKind }) => {
      const operation = route.handler.operation!;
      const caller = await actor(kind, SECRET);
      // An empty body: a caller the guard admits gets as far as validation (422) or the handler; one it refuses never does.
      const answer = await callRoute(route, { params: probeParams(operation), body: operation.body ? "{}" : undefined, cookie: caller.cookie });
      if (admits(operation.guard, kind)) {
        expect(answer.status, JSON.stringify(answer.body)).not.toBe(401);
        expect(answer.status >= 500, JSON.stringify(answer.body)).toBe(false);
        if (answer.status === 403) expect(answer.body?.error?.message).not.toMatch(/banned|suspended|Only (editors|moderators|admins)/);
      } else {
        expect(answer.status, JSON.stringify(answer.body)).toBe(kind === "anonymous" ? 401 : 403);
        expect(answer.body?.error?.code).toBe(kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN");
      }
    },
  );

  it("a personal API token is judged as its reader's session where an operation takes one, and is no one anywhere else", async () => {
    const tokenKinds = ACTOR_KINDS.filter((kind) => kind !== "anonymous");
    const secrets = new Map<ActorKind, string>();
    for (const kind of tokenKinds) secrets.set(kind, (await createApiToken((await actor(kind, SECRET)).userId!, "matrix")).secret);
    expect(routes.some((route) => route.handler.operation!.apiTokens)).toBe(true);
    for (const route of routes) {
      const operation = route.handler.operation!;
      if (!operation.apiTokens && operation.guard === "public") continue;
      for (const kind of tokenKinds) {
        const name = `${operation.name} with ${kind}'s token`;
        const answer = await callRoute(route, { params: probeParams(operation), body: operation.body ? "{}" : undefined, headers: { authorization: `Bearer ${secrets.get(kind)}` } });
        expect(answer.status >= 500, `${name}: ${JSON.stringify(answer.body)}`).toBe(false);
        if (!operation.apiTokens) expect(answer.status, name).toBe(401);
        else if (admits(operation.guard, kind)) expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).not.toBe(401);
        else expect(answer.status, name).toBe(403);
      }
    }
  });

  it("a signed-out caller learns nothing about the input rules: 401 before any 422", async () => {
    const writes = routes.filter((route) => route.handler.operation!.guard !== "public" && route.handler.operation!.body);
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      const answer = await callRoute(route, { params: probeParams(route.handler.operation!), body: '{"nonsense": [1, 2, 3]}', cookie: null });
      expect(answer.status, route.handler.operation!.name).toBe(401);
    }
  });
});
