import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closeSqlPool } from "./sql";
import { SESSION_OPTIONS } from "./session-options";

// One client per process. Next's dev server re-evaluates modules on every
// edit, so the instance is kept on globalThis to avoid leaking pools. It is
// created on first use, not at import, so `next build` can import pages
// without a database.

const globalForPrisma = globalThis as unknown as { glossaPrisma?: PrismaClient };

function client(): PrismaClient {
  if (globalForPrisma.glossaPrisma) return globalForPrisma.glossaPrisma;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start Glossa with `npm run dev` or `npm start`, which prepare the database first.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.GLOSSA_DB_POOL_SIZE ?? 10), options: SESSION_OPTIONS });
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
  await closeSqlPool();
  await globalForPrisma.glossaPrisma?.$disconnect();
  globalForPrisma.glossaPrisma = undefined;
}
