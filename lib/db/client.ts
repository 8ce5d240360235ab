import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closeSharedPool, sharedPool } from "./pool";

// One client per process. Next's dev server re-evaluates modules on every
// edit, so the instance is kept on globalThis to avoid leaking pools. It is
// created on first use, not at import, so `next build` can import pages
// without a database.

const globalForPrisma = globalThis as unknown as { glossaPrisma?: PrismaClient };

function client(): PrismaClient {
  if (globalForPrisma.glossaPrisma) return globalForPrisma.glossaPrisma;
  // The adapter borrows the instance's one pool; closing it is disconnectDb's job.
  const adapter = new PrismaPg(sharedPool(), { disposeExternalPool: false });
  globalForPrisma.glossaPrisma = new PrismaClient({ adapter });
  return globalForPrisma.glossaPrisma;
}

/** The Prisma client for the database in DATABASE_URL. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(instance) : value;
  },
});

/** Closes the pools (command-line scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  await globalForPrisma.glossaPrisma?.$disconnect();
  globalForPrisma.glossaPrisma = undefined;
  await closeSharedPool();
}
