import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent, fetch as undiciFetch } from "undici";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const MAX_REDIRECTS = 5;

/** Whether an address is on the public internet: not loopback, private, link-local (cloud metadata), multicast or reserved. */
function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  // ::a.b.c.d (the deprecated IPv4-compatible form) is "unicast" to ipaddr.js but can reach an IPv4 host.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return false;
  return parsed.range() === "unicast";
}

function allowedHosts(): Set<string> {
  return new Set(
    (serverEnv().IMPORT_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

const refusal = (host: string) => new AppError("BAD_REQUEST", `${host} is a private or local address: Glossa imports only pages on the public internet. Save the page and upload the file instead.`);

/**
 * Resolves a host name and refuses it unless every address is public. It runs
 * inside the connection, on the addresses actually dialled, so a name that
 * resolves to a public address when checked and a private one when fetched
 * (DNS rebinding) is refused too.
 */
function publicOnlyLookup(allowed: Set<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      if (!allowed.has(hostname.toLowerCase()) && addresses.some((entry) => !isPublicAddress(entry.address))) return callback(refusal(hostname), "", 4);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function checkUrl(url: URL, allowed: Set<string>): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("BAD_REQUEST", `${url.href} is not a web page address: give an http:// or https:// URL.`);
  if (url.username || url.password) throw new AppError("BAD_REQUEST", "Give the page's address without a user name or password in it.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An address literal is dialled without a lookup, so it is checked here.
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !allowed.has(host.toLowerCase())) throw refusal(host);
}

/**
 * Fetches a page an editor named, for the importer, refusing every address
 * that is not on the public internet (loopback, private networks, cloud
 * metadata at 169.254.169.254), on the first request and on each redirect:
 * a server-side fetch of a user's URL is otherwise a way into the network
 * Glossa runs in.
 */
export async function fetchPublicPage(target: string, init: { signal: AbortSignal; headers: Record<string, string>; maxBytes: number }): Promise<Response> {
  const allowed = allowedHosts();
  const dispatcher = new Agent({ connect: { lookup: publicOnlyLookup(allowed) } });
  try {
    let url = new URL(target);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      checkUrl(url, allowed);
      const response = await undiciFetch(url, { signal: init.signal, headers: init.headers, redirect: "manual", dispatcher }).catch((error: unknown) => {
        const cause = error instanceof Error ? error.cause : undefined;
        throw cause instanceof AppError ? cause : error;
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const body = await readAtMost(response.body as ReadableStream<Uint8Array> | null, init.maxBytes, url.href);
      return new Response(new Uint8Array(body), {
        status: response.status,
        statusText: response.statusText,
        headers: { "content-type": response.headers.get("content-type") ?? "", "x-final-url": url.href },
      });
    }
    throw new AppError("BAD_REQUEST", `${target} redirects more than ${MAX_REDIRECTS} times. Give the page's final address.`);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

/** Reads a body, stopping one byte past `maxBytes` (a 1 GB page is never held in memory). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number, where: string): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    size += chunk.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("BAD_REQUEST", `${where} is larger than the ${maxBytes / 1024 / 1024} MB limit. An essay is far smaller: import the article alone.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
