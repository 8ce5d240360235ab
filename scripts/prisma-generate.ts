import { ensurePrismaClient, generatePrismaClient } from "./lib/ensure-prisma-client";

// `npm run db:generate` regenerates lib/generated/prisma (--force); the build
// and typecheck scripts run this without --force, which generates only when
// prisma/schema.prisma or the Prisma version changed.
if (process.argv.includes("--force")) generatePrismaClient();
else ensurePrismaClient();
