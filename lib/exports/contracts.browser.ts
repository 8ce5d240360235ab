// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const exportMyAccount = browserOperation<typeof contracts.exportMyAccount>("export my account", "GET", "/api/account/export");
export const exportMyNotes = browserOperation<typeof contracts.exportMyNotes>("export my notes", "GET", "/api/exports/notes");
