import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { choosePort, firstFreePort, isPortFree, PortInUseError } from "@/lib/net/free-port";

const listeners: net.Server[] = [];

/** Listens on a free port on 127.0.0.1 only, as a stray dev server or database would. */
async function occupy(host = "127.0.0.1"): Promise<number> {
  const server = net.createServer();
  listeners.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("free ports", () => {
  it("sees a port held on the loopback address only", async () => {
    const port = await occupy();
    expect(isPortFree(port)).toBe(false);
  });

  it("finds the next free port after a taken one", async () => {
    const port = await occupy();
    const next = firstFreePort(port, 10);
    expect(next).not.toBeNull();
    expect(next!).toBeGreaterThan(port);
  });

  it("moves a defaulted port and says so, naming the variable", async () => {
    const port = await occupy();
    const choice = choosePort({ variable: "PORT", value: undefined, fallback: port, purpose: "the app" });
    expect(choice.port).toBeGreaterThan(port);
    expect(choice.note).toContain(`Port ${port} is in use`);
    expect(choice.note).toContain("set PORT");
  });

  it("keeps a defaulted port that is free, without a note", async () => {
    const port = await occupy();
    await new Promise((resolve) => listeners.pop()!.close(resolve));
    expect(choosePort({ variable: "PORT", value: undefined, fallback: port, purpose: "the app" })).toEqual({ port });
  });

  it("refuses an explicitly set port that is taken, naming the variable", async () => {
    const port = await occupy();
    const choose = () => choosePort({ variable: "E2E_PORT", value: String(port), fallback: 3100, purpose: "the end-to-end server" });
    expect(choose).toThrow(PortInUseError);
    expect(choose).toThrow(/Port \d+ \(E2E_PORT\) is already in use.*set E2E_PORT to a free port/);
  });

  it("refuses a value that is not a port", () => {
    expect(() => choosePort({ variable: "GLOSSA_DB_PORT", value: "54x", fallback: 54329, purpose: "the database" })).toThrow(/GLOSSA_DB_PORT=54x is not a port number/);
  });
});
