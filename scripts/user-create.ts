import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { runCli } from "./lib/cli";
import { ensurePrismaClient } from "./lib/ensure-prisma-client";

const USAGE = "Usage: npm run user:create -- --email <email> --handle <handle> [--role reader|editor|moderator|admin] [--name <name>] [--password <password>]";

// Creates an account or gives an existing one a role: how the first admin is made.
await runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, handle: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } }));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${(error as Error).message}. ${USAGE}`);
  }
  if (!values.email || !values.handle) throw new AppError("BAD_REQUEST", USAGE);
  // Account creation reaches the generated Prisma client: make sure it exists (and is current) before loading it.
  ensurePrismaClient();
  const { prepareDatabase } = await import("@/lib/db/prepare");
  const { createOrPromoteUser } = await import("@/lib/auth/create-or-promote-user");
  const { disconnectDb } = await import("@/lib/db/client");
  const database = await prepareDatabase("app");
  process.env.DATABASE_URL = database.url;
  try {
    const result = await createOrPromoteUser({
      email: values.email,
      handle: values.handle,
      role: values.role as "reader" | "editor" | "moderator" | "admin" | undefined,
      name: values.name,
      password: values.password,
    });
    console.log(result.created ? `Created @${result.handle} (${result.role}).` : `@${result.handle} is now ${result.role}.`);
    if (result.generatedPassword) console.log(`Password (shown once; change it in Settings): ${result.generatedPassword}`);
  } finally {
    await disconnectDb();
    await database.stop();
  }
});
