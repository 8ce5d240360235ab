import net from "node:net";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { classifyDatabaseError } from "@/lib/db/errors";
import { POOL_TIMEOUTS } from "@/lib/db/pool";
import { queryRows, sqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

// The pool's read deadline (lib/db/pool.ts): a server that stops answering
// in the middle of a query (as a SIGSTOPped PostgreSQL does) fails that
// query within the deadline as "unavailable" (a 503), and the next query,
// once the server answers again, gets a fresh connection. The server here
// is the real test database behind a TCP proxy that can stop passing its
// replies on.

interface FreezableProxy {
  url: string;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

async function freezableProxy(target: URL): Promise<FreezableProxy> {
  let frozen = false;
  const upstreams = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    upstreams.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // After pipe(), which starts the flow.
    if (frozen) upstream.pause();
    const end = () => {
      client.destroy();
      upstream.destroy();
      upstreams.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => {
      frozen = true;
      upstreams.forEach((upstream) => upstream.pause());
    },
    thaw: () => {
      frozen = false;
      upstreams.forEach((upstream) => upstream.resume());
    },
    close: () => {
      upstreams.forEach((upstream) => upstream.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await work();
    return { error: null, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

afterAll(async () => {
  await disconnectDb();
});

describe("the pool's read deadline", () => {
  it("fails a query whose server stops answering within the deadline, as unavailable, and recovers", async () => {
    const original = process.env.DATABASE_URL;
    const proxy = await freezableProxy(new URL(inject("databaseUrl")));
    await disconnectDb();
    process.env.DATABASE_URL = proxy.url;
    try {
      expect(await queryRows<{ one: number }>(Prisma.sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
      proxy.freeze();
      const raw = await timed(() => queryRows(Prisma.sql`SELECT 2 AS two`));
      expect(classifyDatabaseError(raw.error)).toBe("unavailable");
      expect(raw.ms).toBeGreaterThan(POOL_TIMEOUTS.queryMs - 100);
      expect(raw.ms).toBeLessThan(POOL_TIMEOUTS.queryMs + 1_500);
      // Prisma draws from the same pool, so the same deadline holds for it.
      const prisma = await timed(() => db.essay.count());
      expect(classifyDatabaseError(prisma.error)).toBe("unavailable");
      expect(prisma.ms).toBeLessThan(POOL_TIMEOUTS.queryMs + 1_500);
      proxy.thaw();
      expect(await queryRows<{ three: number }>(Prisma.sql`SELECT 3 AS three`)).toEqual([{ three: 3 }]);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = original;
      await proxy.close();
    }
  });

  it("leaves a transaction alone that spends longer than the deadline in its own code between two queries", async () => {
    const result = await sqlTransaction(async (tx) => {
      await tx.rows(Prisma.sql`SELECT 1`);
      await new Promise((resolve) => setTimeout(resolve, POOL_TIMEOUTS.queryMs + 500));
      return tx.rows<{ two: number }>(Prisma.sql`SELECT 2 AS two`);
    });
    expect(result).toEqual([{ two: 2 }]);
  });

  it("leaves a connection that waits for its server less than the deadline alone", async () => {
    const slow = await timed(() => queryRows(Prisma.sql`SELECT pg_sleep(${(POOL_TIMEOUTS.queryMs - 1_000) / 1000})`));
    expect(slow.error).toBeNull();
  });
});
