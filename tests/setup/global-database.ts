import type { TestProject } from "vitest/node";
import { ensurePrismaClient } from "../../scripts/lib/ensure-prisma-client";
import { createFreshDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// Integration tests share one fresh, migrated database per run.
export default async function setup(project: TestProject) {
  ensurePrismaClient();
  const database = await createFreshDatabase("integration");
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
  };
}
