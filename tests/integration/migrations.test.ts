import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrations";
import { createFreshDatabase, type FreshDatabase } from "../support/database";

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("migrations", () => {
  let database: FreshDatabase;

  afterAll(async () => {
    await database?.stop();
  });

  it("apply to an empty database, then are a no-op the second time", async () => {
    database = await createFreshDatabase("migrations", { migrate: false });
    expect(await applyMigrations(database.url)).toEqual(migrationNames);
    expect(await applyMigrations(database.url)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const recorded = await client.query<{ migration_name: string }>("select migration_name from _prisma_migrations where finished_at is not null order by migration_name");
      expect(recorded.rows.map((row) => row.migration_name)).toEqual(migrationNames);
      const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = 'public'");
      expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(["User", "Essay", "EssayRevision", "Highlight", "Comment", "Vote", "Report", "ModerationAction", "Sanction"]));
    } finally {
      await client.end();
    }
  });

  it("make the moderation audit log append-only", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`insert into "ModerationAction" ("actorId", "actorHandle", action, "targetType", "targetId") values ('u1', 'mod', 'comment.hide', 'comment', '1')`);
      await expect(client.query(`update "ModerationAction" set reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`delete from "ModerationAction"`)).rejects.toThrow(/append-only/);
      await expect(client.query(`truncate "ModerationAction"`)).rejects.toThrow(/append-only/);
      const count = await client.query<{ count: string }>(`select count(*) from "ModerationAction"`);
      expect(count.rows[0]?.count).toBe("1");
    } finally {
      await client.end();
    }
  });
});
