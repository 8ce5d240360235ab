import type * as z from "zod/mini";

/** Any schema (contracts use zod/mini, whose schemas the browser bundle can tree-shake). */
type Schema = z.core.$ZodType;

/**
 * Who may call an operation, named after the real cases:
 * - `public`: anyone, signed in or not (the handler gets the viewer or null);
 * - `member`: signed in and not banned. Self-service that a suspended reader
 *   keeps: reading private things, marking notifications read, withdrawing a
 *   report, exporting, signing out everywhere, deleting the account;
 * - `writer`: a member who is not suspended: anything that publishes;
 * - `{ role }`: a writer holding that role or a higher one (reader < editor <
 *   moderator < admin);
 * - `sanctioned`: a reader under a sanction, to read it and appeal: signed in
 *   while suspended, or banned and carrying the ban notice's token their
 *   password sign-in gave them (lib/auth/sanction-token.ts), since a ban
 *   leaves them no session.
 */
export type Guard = "public" | "member" | "writer" | "sanctioned" | { role: "EDITOR" | "MODERATOR" | "ADMIN" };

/** The HTTP methods operations use (PUT, HEAD and OPTIONS: the W3C annotation protocol, lib/annotations). */
export type Method = "GET" | "HEAD" | "OPTIONS" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An object schema for path parameters or a query string: string values in, typed values out. */
type StringRecordSchema = z.core.$ZodType<Record<string, unknown>, Record<string, string | undefined>>;

/** Marks the response type of an operation; it exists only for the type checker. */
export interface Returns<T> {
  readonly __response?: T;
}

/** A response that is not JSON (an event stream): the typed client does not call it, only builds its URL. */
export type StreamResponse = { readonly __stream: true };

/** A document the handler answers with itself, status and headers included (the annotation protocol's JSON-LD, lib/annotations/protocol.ts): the typed client does not call it. */
export type DocumentResponse = { readonly __document: true };

/**
 * One endpoint, declared once: what it takes, who may call it and what it
 * answers. The route handler (`handle` in lib/http/operation.ts) and the
 * browser client (`callOperation` in components/api-client.ts) are both
 * derived from it, so they cannot drift apart.
 */
export interface Operation<
  M extends Method = Method,
  G extends Guard = Guard,
  P extends StringRecordSchema | undefined = StringRecordSchema | undefined,
  Q extends StringRecordSchema | undefined = StringRecordSchema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R = unknown,
> {
  /** What it does, in a few words (for error logs and the generated tests). */
  name: string;
  method: M;
  /** The URL pattern, with `:name` for each path parameter. */
  path: string;
  guard: G;
  params: P;
  query: Q;
  body: B;
  /** 200 for reads, 201 for creations, 204 for writes that answer nothing. */
  status: 200 | 201 | 204;
  /** The largest body it reads; undefined for the 64 KB every other operation takes (an essay import sends up to 2 MB). */
  maxBodyBytes?: number;
  /**
   * Whether a personal API token (`Authorization: Bearer glossa_…`,
   * lib/api-tokens) may stand in for the session cookie. Only the annotation
   * protocol's operations take one: a leaked token can then read and write
   * its reader's annotations, never change the account, mint more tokens or
   * moderate.
   */
  apiTokens: boolean;
  response: Returns<R>;
}

/** Any operation, whatever its schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<Method, Guard, any, any, any, any>;

/** The typed response of an operation. */
export type ResponseOf<O extends AnyOperation> = O extends Operation<Method, Guard, StringRecordSchema | undefined, StringRecordSchema | undefined, Schema | undefined, infer R> ? R : never;

type SchemaOutput<S> = S extends Schema ? z.output<S> : undefined;
type SchemaInput<S> = S extends Schema ? z.input<S> : undefined;

/** What the handler receives, parsed. */
export interface Parsed<O extends AnyOperation> {
  params: SchemaOutput<O["params"]>;
  query: SchemaOutput<O["query"]>;
  body: SchemaOutput<O["body"]>;
}

/** Path and query values travel as text: where the schema reads a number from a string, the caller may give the number. */
type UrlValues<T> = { [K in keyof T]: NonNullable<T[K]> extends string ? (string extends NonNullable<T[K]> ? T[K] | number : T[K]) : T[K] };

/** What the browser sends: each part only when the operation has it. */
export type InputOf<O extends AnyOperation> = (O["params"] extends Schema ? { params: UrlValues<SchemaInput<O["params"]>> } : { params?: undefined }) &
  (O["query"] extends Schema ? { query?: UrlValues<SchemaInput<O["query"]>> } : { query?: undefined }) &
  (O["body"] extends Schema ? { body: SchemaInput<O["body"]> } : { body?: undefined });

/** Declares the response type of an operation: `response: returns<{ comment: CommentView }>()`. */
export function returns<T>(): Returns<T> {
  return {};
}

/**
 * Declares an operation. Omitted parts are "none": an operation without a
 * body refuses one, and its handler gets `undefined`.
 */
export function defineOperation<
  M extends Method,
  G extends Guard,
  R,
  P extends StringRecordSchema | undefined = undefined,
  Q extends StringRecordSchema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: {
  name: string;
  method: M;
  path: string;
  guard: G;
  params?: P;
  query?: Q;
  body?: B;
  status?: 200 | 201 | 204;
  maxBodyBytes?: number;
  apiTokens?: boolean;
  response: Returns<R>;
}): Operation<M, G, P, Q, B, R> {
  return {
    name: spec.name,
    method: spec.method,
    path: spec.path,
    guard: spec.guard,
    params: spec.params as P,
    query: spec.query as Q,
    body: spec.body as B,
    status: spec.status ?? 200,
    maxBodyBytes: spec.maxBodyBytes,
    apiTokens: spec.apiTokens ?? false,
    response: spec.response,
  };
}

/**
 * What the browser knows of an operation: its name, method and path, typed
 * by its contract. The browser imports these from each domain's generated
 * `contracts.browser.ts`, not the contracts themselves, so no schema reaches
 * its bundle: through the contracts, zod/mini was 18.3 KB gzip (64 KB raw)
 * of every page's JavaScript, the home page's included.
 */
export interface BrowserOperation<O extends AnyOperation = AnyOperation> {
  readonly name: string;
  readonly method: O["method"];
  readonly path: string;
  /** Types only: the contract this was generated from. */
  readonly __contract?: O;
}

/** A contract's browser half (see `BrowserOperation`); written by scripts/generate-browser-contracts.ts. */
export function browserOperation<O extends AnyOperation>(name: string, method: O["method"], path: string): BrowserOperation<O> {
  return { name, method, path };
}

/** The URL of an operation for these path parameters and query values (undefined values are left out). */
export function operationUrl(operation: Pick<AnyOperation, "name" | "path">, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const path = operation.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${operation.name}: the path parameter ${name} is missing.`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
