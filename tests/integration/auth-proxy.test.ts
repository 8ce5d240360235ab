import http from "node:http";
import type { AddressInfo } from "node:net";
import type { NextConfig } from "next";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signUpPost } from "@/app/api/account/route";
import { disconnectDb } from "@/lib/db/client";
import { securityHeaders, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";
import { installSocketPeerStamp, SOCKET_PEER_HEADER, socketPeer } from "@/lib/http/socket-peer";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { AUTH_HOST, AUTH_ORIGIN, callAuth, CookieJar, csrfToken, freshAddress, fromSocket } from "./support/auth-client";

beforeAll(() => {
  process.env.AUTH_SECRET = "integration-test-secret-integration-test-secret";
});

beforeEach(() => {
  delete process.env.TRUST_PROXY;
  delete process.env.NEXTAUTH_URL;
});

afterAll(async () => {
  delete process.env.TRUST_PROXY;
  await closeLimitStore();
  await disconnectDb();
});

let forgedCount = 0;
/** A different made-up X-Forwarded-For value each call, as the probe sent. */
function forged(): string {
  forgedCount += 1;
  return `198.18.${(forgedCount >> 8) & 255}.${forgedCount & 255}`;
}

/** Seven sign-in attempts for unknown emails (the per-IP limit is six a minute); their statuses. */
async function sevenSignIns(headersFor: (n: number) => Record<string, string>) {
  const jar = new CookieJar();
  const token = await csrfToken(jar);
  const statuses: number[] = [];
  for (let n = 0; n < 7; n++) {
    const body = new URLSearchParams({ email: `nobody-${Date.now()}-${n}@example.test`, password: "whatever it is", csrfToken: token, json: "true" }).toString();
    const response = await callAuth("callback/credentials", { method: "POST", body, contentType: "application/x-www-form-urlencoded", jar, headers: headersFor(n) });
    statuses.push(response.status);
  }
  return statuses;
}

describe("per-IP limits and X-Forwarded-For", () => {
  it("without TRUST_PROXY, count the socket's address and ignore a forged X-Forwarded-For", async () => {
    const socket = freshAddress();
    const statuses = await sevenSignIns(() => ({ ...fromSocket(socket), "x-forwarded-for": forged(), "x-real-ip": forged() }));
    expect(statuses).toEqual([...Array(6).fill(401), 429]);
  });

  it("with TRUST_PROXY=1, count the entry the proxy appended, whatever the client put before it", async () => {
    process.env.TRUST_PROXY = "1";
    const client = freshAddress();
    expect(await sevenSignIns(() => ({ ...fromSocket("10.255.0.1"), "x-forwarded-for": `${forged()}, ${forged()}, ${client}` }))).toEqual([...Array(6).fill(401), 429]);
    // The proxy's own address is the socket peer: different clients behind it are not lumped together.
    expect(await sevenSignIns(() => ({ ...fromSocket("10.255.0.1"), "x-forwarded-for": `${client}, ${freshAddress()}` }))).toEqual(Array(7).fill(401));
  });

  it("with TRUST_PROXY=2, count the second entry from the right", async () => {
    process.env.TRUST_PROXY = "2";
    const client = freshAddress();
    expect(await sevenSignIns(() => ({ ...fromSocket("10.255.0.2"), "x-forwarded-for": `${forged()}, ${client}, ${freshAddress()}` }))).toEqual([...Array(6).fill(401), 429]);
  });

  it("limit sign-ups by socket address despite forged X-Forwarded-For (5 an hour)", async () => {
    const socket = freshAddress();
    const statuses: number[] = [];
    for (let n = 0; n < 7; n++) {
      const id = `${Date.now().toString(36)}x${n}`;
      const request = new Request(`${AUTH_ORIGIN}/api/account`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: AUTH_ORIGIN, host: AUTH_HOST, ...fromSocket(socket), "x-forwarded-for": forged() },
        body: JSON.stringify({ email: `many-${id}@example.test`, handle: `many-${id}`, name: "Many", password: "a long enough password" }),
      });
      statuses.push((await signUpPost(request, { params: Promise.resolve({}) })).status);
    }
    expect(statuses).toEqual([...Array(5).fill(201), 429, 429]);
  });

  it("read keys as addresses: ports, brackets and IPv4-mapped IPv6 do not make new ones", () => {
    process.env.TRUST_PROXY = "1";
    const keys = ["203.0.113.9", "203.0.113.9:4242", "::ffff:203.0.113.9", " 203.0.113.9 "].map((entry) => clientIp(new Headers({ "x-forwarded-for": `1.1.1.1,${entry}` })));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.9"]));
    expect(clientIp(new Headers({ "x-forwarded-for": "[2001:db8::1]:443" }))).toBe("2001:db8::1");
  });
});

describe("the socket stamp, on a real Node HTTP server", () => {
  it("replaces whatever the client sent with the socket's peer, and a stamp from outside the process is worthless", async () => {
    installSocketPeerStamp();
    const seen: { ip: string; peer: ReturnType<typeof socketPeer> }[] = [];
    const server = http.createServer((request, response) => {
      const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)] as [string, string]])));
      seen.push({ ip: clientIp(headers), peer: socketPeer(headers) });
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const attempts: Record<string, string>[] = [{}, { "x-forwarded-for": "203.0.113.66" }, { [SOCKET_PEER_HEADER]: "made-up-token http 203.0.113.67", "x-forwarded-for": "203.0.113.68" }];
      for (const headers of attempts) {
        await fetch(`http://127.0.0.1:${port}/`, { headers });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(Array(3).fill({ ip: "127.0.0.1", peer: { address: "127.0.0.1", protocol: "http" } }));
    // A request that never passed through a stamping server (e.g. a forged header reaching a handler another way) has no peer.
    expect(socketPeer(new Headers({ [SOCKET_PEER_HEADER]: "made-up-token http 203.0.113.67" }))).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.68" }))).toBe("unknown");
  });
});

describe("next-auth's URLs follow the client's host and port", () => {
  it("answers on the Host the client used, not http://localhost:3000, when NEXTAUTH_URL is unset", async () => {
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const failed = await callAuth("callback/credentials", {
      method: "POST",
      body: new URLSearchParams({ email: "nobody@example.test", password: "whatever it is", csrfToken: token, json: "true" }).toString(),
      contentType: "application/x-www-form-urlencoded",
      jar,
      address: freshAddress(),
    });
    expect(failed.status).toBe(401);
    expect(((await failed.json()) as { url: string }).url).toBe(`${AUTH_ORIGIN}/api/auth/error?error=CredentialsSignin&provider=credentials`);
    const signin = await callAuth("signin");
    expect(signin.status).toBe(302);
    expect(signin.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent(AUTH_ORIGIN)}`);
  });

  it("ignores X-Forwarded-Host and -Proto without TRUST_PROXY, and follows them with it", async () => {
    const forwarded = { "x-forwarded-host": "glossa.example", "x-forwarded-proto": "https" };
    const direct = await callAuth("signin", { headers: forwarded });
    expect(direct.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent(AUTH_ORIGIN)}`);
    process.env.TRUST_PROXY = "1";
    const proxied = await callAuth("signin", { headers: forwarded });
    expect(proxied.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent("https://glossa.example")}`);
  });

  it("uses NEXTAUTH_URL when it is set", async () => {
    process.env.NEXTAUTH_URL = "https://glossa.example";
    const response = await callAuth("signin");
    expect(response.headers.get("location")).toBe(`/signin?callbackUrl=${encodeURIComponent("https://glossa.example")}`);
  });
});

describe("the same-origin check and forwarding headers", () => {
  const signUpFrom = (headers: Record<string, string>) => {
    const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
    return signUpPost(
      new Request(`${AUTH_ORIGIN}/api/account`, {
        method: "POST",
        headers: { "content-type": "application/json", host: AUTH_HOST, ...fromSocket(freshAddress()), ...headers },
        body: JSON.stringify({ email: `origin-${id}@example.test`, handle: `origin-${id}`, name: "O", password: "a long enough password" }),
      }),
      { params: Promise.resolve({}) },
    );
  };

  it("does not let X-Forwarded-Host or -Proto make another site's Origin look like this one without TRUST_PROXY", async () => {
    const evil = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    expect((await signUpFrom(evil)).status).toBe(403);
    expect((await signUpFrom({ origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(403);
    expect((await signUpFrom({ origin: AUTH_ORIGIN })).status).toBe(201);
  });

  it("believes them behind a trusted proxy, and then the client's Host no longer counts", async () => {
    process.env.TRUST_PROXY = "1";
    expect((await signUpFrom({ origin: "https://glossa.example", "x-forwarded-host": "glossa.example", "x-forwarded-proto": "https", "x-forwarded-for": freshAddress() })).status).toBe(201);
    expect((await signUpFrom({ origin: AUTH_ORIGIN, "x-forwarded-host": "glossa.example", "x-forwarded-proto": "https", "x-forwarded-for": freshAddress() })).status).toBe(403);
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent on pages and API answers when NEXTAUTH_URL is https, and not otherwise", async () => {
    expect(securityHeaders("https://glossa.example")["Strict-Transport-Security"]).toBe(STRICT_TRANSPORT_SECURITY);
    expect(securityHeaders("http://127.0.0.1:3000")["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(undefined)["Strict-Transport-Security"]).toBeUndefined();

    // next.config.js is plain JavaScript (no types to import): load it by a path TypeScript does not resolve.
    const configPath = "../../next.config.js";
    const { default: nextConfig } = (await import(/* @vite-ignore */ configPath)) as { default: NextConfig };
    const apiHeaders = async () => {
      const rules = (await nextConfig.headers!()) as { source: string; headers: { key: string; value: string }[] }[];
      return rules.find((rule) => rule.source === "/api/:path*")!.headers;
    };
    process.env.NEXTAUTH_URL = "https://glossa.example";
    expect(await apiHeaders()).toContainEqual({ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY });
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    expect((await apiHeaders()).some((header) => header.key === "Strict-Transport-Security")).toBe(false);
  });
});
