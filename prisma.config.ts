import { defineConfig } from "prisma/config";

// The connection URL is only read by Prisma's own CLI (e.g. `prisma studio`).
// The app and the migration scripts resolve the database themselves (see
// lib/db/database-url.ts), starting the embedded server when DATABASE_URL is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/glossa" },
});
