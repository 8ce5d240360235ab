import { ensurePrismaClient } from "./lib/ensure-prisma-client";

// `npm start`. The app's modules reach the generated Prisma client, which a
// fresh clone does not have yet: generate it first, then load them.
ensurePrismaClient();
const { runApp } = await import("./lib/run-app");
await runApp("start");
