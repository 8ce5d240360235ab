import { runCli } from "./lib/cli";
import { prepareDatabase } from "@/lib/db/prepare";

await runCli(async () => {
  const database = await prepareDatabase("app");
  try {
    const applied = database.appliedMigrations;
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date; no migration to apply.");
  } finally {
    await database.stop();
  }
});
