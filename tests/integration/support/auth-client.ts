import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { SOCKET_PEER_HEADER, socketPeerStamp } from "@/lib/http/socket-peer";

/** The host and port the integration requests claim, as a browser at http://127.0.0.1:4567 would. */
export const AUTH_HOST = "127.0.0.1:4567";
export const AUTH_ORIGIN = `http://${AUTH_HOST}`;

/** The headers Node's server stamps on a request whose socket peer is `address` (lib/http/socket-peer.ts). */
export function fromSocket(address: string): Record<string, string> {
  return { [SOCKET_PEER_HEADER]: socketPeerStamp(address, "http") };
}

/** A browser's cookies: what Set-Cookie stored, sent back on the next request. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const separator = pair!.indexOf("=");
      const name = pair!.slice(0, separator);
      const value = pair!.slice(separator + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  delete(name: string): void {
    this.cookies.delete(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export interface AuthCall {
  method?: "GET" | "POST";
  body?: string;
  contentType?: string | null;
  jar?: CookieJar;
  headers?: Record<string, string>;
  /** The socket peer (default: a fixed documentation address). */
  address?: string;
  query?: string;
}

/** Calls the real /api/auth/[...nextauth] route handler as Next would, with a NextRequest. */
export async function callAuth(path: string, call: AuthCall = {}): Promise<Response> {
  const method = call.method ?? "GET";
  const segments = path.split("/");
  const headers: Record<string, string> = {
    host: AUTH_HOST,
    ...fromSocket(call.address ?? "192.0.2.200"),
    ...(method === "POST" ? { origin: AUTH_ORIGIN } : {}),
    ...(call.contentType ? { "content-type": call.contentType } : {}),
    ...(call.jar?.header() ? { cookie: call.jar.header() } : {}),
    ...call.headers,
  };
  const request = new NextRequest(`${AUTH_ORIGIN}/api/auth/${path}${call.query ? `?${call.query}` : ""}`, { method, headers, body: call.body });
  const handler = method === "GET" ? GET : POST;
  const response = await handler(request, { params: Promise.resolve({ nextauth: segments }) });
  call.jar?.store(response);
  return response;
}

/** A CSRF token, with its cookie stored in the jar. */
export async function csrfToken(jar: CookieJar): Promise<string> {
  const response = await callAuth("csrf", { jar });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export interface SignInOptions {
  email: string;
  password: string;
  encoding?: "form" | "json";
  jar?: CookieJar;
  address?: string;
  headers?: Record<string, string>;
}

/** A password sign-in through the real route, as the sign-in form sends it (form) or as a script might (JSON). */
export async function signInThroughRoute({ email, password, encoding = "form", jar = new CookieJar(), address, headers }: SignInOptions): Promise<Response> {
  const fields = { email, password, csrfToken: await csrfToken(jar), callbackUrl: "/", json: "true" };
  const body = encoding === "form" ? new URLSearchParams(fields).toString() : JSON.stringify(fields);
  const contentType = encoding === "form" ? "application/x-www-form-urlencoded" : "application/json";
  return callAuth("callback/credentials", { method: "POST", body, contentType, jar, address, headers });
}

let made = 0;

/** A fresh account with a password. */
export async function makeReader(password = "a long enough password"): Promise<{ id: string; email: string; password: string }> {
  made += 1;
  const id = `${Date.now().toString(36)}${made}${Math.floor(Math.random() * 1e4)}`;
  const reader = { email: `signin-${id}@example.test`, handle: `signin-${id}`.slice(0, 30), name: "Reader", password };
  const { id: userId } = await signUp(signUpSchema.parse(reader));
  return { id: userId, email: reader.email, password };
}

let addresses = 0;
const run = Math.floor(Math.random() * 250);

/** A distinct private IPv4 address per call in this run (the run's counters share one database). */
export function freshAddress(): string {
  addresses += 1;
  return `10.${run}.${(addresses >> 8) & 255}.${addresses & 255}`;
}
