import { writeFileSync } from "node:fs";
import path from "node:path";
import { browserContractsPath, contractModules, renderBrowserContracts } from "./lib/browser-contracts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

// npm run contracts:browser — writes each domain's contracts.browser.ts from its contracts.ts.
for (const modulePath of contractModules(PROJECT_ROOT)) {
  const target = browserContractsPath(modulePath);
  writeFileSync(path.join(PROJECT_ROOT, target), await renderBrowserContracts(PROJECT_ROOT, modulePath));
  console.log(`wrote ${target}`);
}
