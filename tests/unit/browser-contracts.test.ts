import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { browserContractsPath, contractModules, renderBrowserContracts } from "../../scripts/lib/browser-contracts";

// The browser calls operations through each domain's generated
// contracts.browser.ts, so that no schema (and no zod) reaches its bundle:
// through the contracts themselves, zod/mini was 18.3 KB gzip of every page.

describe("the browser halves of the contracts", () => {
  it.each(contractModules(PROJECT_ROOT))("%s has an up-to-date contracts.browser.ts (npm run contracts:browser)", async (modulePath) => {
    const target = path.join(PROJECT_ROOT, browserContractsPath(modulePath));
    expect(existsSync(target), `${browserContractsPath(modulePath)} is missing: run npm run contracts:browser`).toBe(true);
    expect(readFileSync(target, "utf8"), `${browserContractsPath(modulePath)} is stale: run npm run contracts:browser`).toBe(await renderBrowserContracts(PROJECT_ROOT, modulePath));
  });
});

/** The modules a source file imports at run time (imports of types only are erased by the compiler, and are left out). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/gms)) {
    const [, typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const names = /^\{([^}]*)\}$/.exec(clause!.trim())?.[1];
    if (names !== undefined && names.trim() !== "" && names.split(",").every((name) => name.trim() === "" || name.trim().startsWith("type "))) continue;
    found.push(specifier!);
  }
  for (const match of source.matchAll(/^import\s+"([^"]+)"/gm)) found.push(match[1]!);
  return found;
}

function resolveSource(specifier: string, from: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(PROJECT_ROOT, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the browser bundle", () => {
  it("reaches no zod from any client component", () => {
    const clients = [...sourceFiles(path.join(PROJECT_ROOT, "components")), ...sourceFiles(path.join(PROJECT_ROOT, "app"))].filter((file) => /^["']use client["']/.test(readFileSync(file, "utf8")));
    expect(clients.length).toBeGreaterThan(20);
    const chains: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of runtimeImports(file)) {
        if (specifier === "zod" || specifier.startsWith("zod/")) chains.push([...chain, file].map((step) => path.relative(PROJECT_ROOT, step)).join(" → ") + ` → ${specifier}`);
        const next = resolveSource(specifier, file);
        if (next) walk(next, [...chain, file]);
      }
    };
    for (const client of clients) walk(client, []);
    expect(seen.size).toBeGreaterThan(clients.length);
    expect(chains).toEqual([]);
  });
});
