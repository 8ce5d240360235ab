import net from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { checkReadiness } from "@/lib/system/check-readiness";

// Readiness (finding 7): the database answers, or it does not. The
// unreachable case points the shared pool at a port nobody listens on, and a
// server that accepts connections but never answers (as a SIGSTOPped
// PostgreSQL does), both real sockets.

async function withDatabaseUrl<T>(url: string, run: () => Promise<T>): Promise<T> {
  const original = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = url;
  try {
    return await run();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = original;
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

afterAll(async () => {
  await disconnectDb();
});

describe("checkReadiness", () => {
  it("reports the database ok when it answers", async () => {
    expect(await checkReadiness()).toEqual({ database: "ok" });
  });

  it("reports it unavailable when nothing listens", async () => {
    const server = net.createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const url = new URL(inject("databaseUrl"));
    url.port = String(port);
    expect(await withDatabaseUrl(url.toString(), () => checkReadiness())).toEqual({ database: "unavailable" });
  });

  it("gives up within its timeout on a server that accepts and never answers", async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    const port = await listen(server);
    const url = new URL(inject("databaseUrl"));
    url.port = String(port);
    try {
      const { readiness, ms } = await withDatabaseUrl(url.toString(), async () => {
        const started = performance.now();
        return { readiness: await checkReadiness(300), ms: performance.now() - started };
      });
      expect(readiness).toEqual({ database: "unavailable" });
      // Its own timeout, not the pool's 2 s connect timeout.
      expect(ms).toBeLessThan(1_000);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
