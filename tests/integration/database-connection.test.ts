import { describe, expect, inject, it } from "vitest";
import { checkDatabaseConnection } from "@/lib/db/check-connection";

describe("an unusable database gets one message naming the server and what to do", () => {
  it("a server that does not answer", async () => {
    await expect(checkDatabaseConnection("postgresql://glossa@127.0.0.1:1/glossa")).rejects.toThrow(/127\.0\.0\.1:1\/glossa as glossa: no server answered \(ECONNREFUSED\)\. Start that server/);
  });

  it("a database that does not exist", async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/glossa_no_such_database";
    await expect(checkDatabaseConnection(url.toString())).rejects.toThrow(/glossa_no_such_database.*: the database does not exist\. Create it/);
  });

  it("a connection string that is not one", async () => {
    await expect(checkDatabaseConnection("postgresql://[nonsense")).rejects.toThrow(/DATABASE_URL/);
  });
});
