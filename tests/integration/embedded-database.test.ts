import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { isPortFree, PortInUseError } from "@/lib/net/free-port";

// The embedded server's ports: a foreign program on the default port moves a
// new server to the next free one; the server already running on the same
// data folder is reused wherever it listens; a taken port that was set
// explicitly is refused with the variable's name.

const root = mkdtempSync(path.join(tmpdir(), "glossa-embedded-"));
const foreign = net.createServer();
const started: EmbeddedDatabase[] = [];

async function occupyFreePort(): Promise<number> {
  await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
  return (foreign.address() as net.AddressInfo).port;
}

afterAll(async () => {
  for (const database of started) await database.stop();
  await new Promise((resolve) => foreign.close(resolve));
  await rm(root, { recursive: true, force: true });
  for (const database of started) await rm(database.dataDir, { recursive: true, force: true });
});

describe("embedded PostgreSQL ports", () => {
  it("moves off a default port another program holds, says so, and is reused by the next process on its data folder", async () => {
    const taken = await occupyFreePort();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const options = { dataDir: path.join(root, "data"), port: { variable: "GLOSSA_DB_PORT", value: undefined, fallback: taken }, database: "glossa_ports", exitOnSignal: false };
    const first = await startEmbeddedDatabase(options);
    started.push(first);
    expect(first.owned).toBe(true);
    expect(first.port).not.toBe(taken);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Port ${taken} is in use by another program, so the embedded PostgreSQL server listens on ${first.port}`));
    warn.mockRestore();

    const second = await startEmbeddedDatabase(options);
    expect(second).toMatchObject({ owned: false, port: first.port, url: first.url });
    await second.stop();
    expect(isPortFree(first.port)).toBe(false);

    await first.stop();
    expect(isPortFree(first.port)).toBe(true);
  }, 120_000);

  it("refuses an explicitly set port that another program holds, naming GLOSSA_DB_PORT", async () => {
    const taken = (foreign.address() as net.AddressInfo).port;
    const start = startEmbeddedDatabase({ dataDir: path.join(root, "other"), port: { variable: "GLOSSA_DB_PORT", value: String(taken), fallback: 54329 }, database: "glossa_ports" });
    await expect(start).rejects.toThrow(PortInUseError);
    await expect(start).rejects.toThrow(/\(GLOSSA_DB_PORT\) is already in use/);
  });
});
