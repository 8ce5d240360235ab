import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AnyOperation } from "@/lib/http/contract";

/** Each domain's contracts module, as a path under the project root. */
export function contractModules(root: string): string[] {
  return readdirSync(path.join(root, "lib"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(root, "lib", entry.name)).includes("contracts.ts"))
    .map((entry) => `lib/${entry.name}/contracts.ts`)
    .sort();
}

function isOperation(value: unknown): value is AnyOperation {
  return typeof value === "object" && value !== null && "method" in value && "path" in value && "guard" in value && "name" in value;
}

/** The source of a domain's `contracts.browser.ts`: the name, method and path of each operation its contracts module exports. */
export async function renderBrowserContracts(root: string, modulePath: string): Promise<string> {
  const exports = (await import(pathToFileURL(path.join(root, modulePath)).href)) as Record<string, unknown>;
  const operations = Object.entries(exports)
    .filter((entry): entry is [string, AnyOperation] => isOperation(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b));
  const lines = operations.map(
    ([name, operation]) =>
      `export const ${name} = browserOperation<typeof contracts.${name}>(${JSON.stringify(operation.name)}, ${JSON.stringify(operation.method)}, ${JSON.stringify(operation.path)});`,
  );
  return [
    "// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).",
    "// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).",
    'import { browserOperation } from "@/lib/http/contract";',
    'import type * as contracts from "./contracts";',
    "",
    ...lines,
    "",
  ].join("\n");
}

/** Where a contracts module's browser half is written. */
export const browserContractsPath = (modulePath: string) => modulePath.replace(/contracts\.ts$/, "contracts.browser.ts");
