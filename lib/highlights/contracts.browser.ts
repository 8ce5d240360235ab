// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const createHighlight = browserOperation<typeof contracts.createHighlight>("create highlight", "POST", "/api/essays/:essayId/highlights");
export const deleteHighlight = browserOperation<typeof contracts.deleteHighlight>("delete highlight", "DELETE", "/api/highlights/:highlightId");
export const getHighlight = browserOperation<typeof contracts.getHighlight>("get highlight", "GET", "/api/highlights/:highlightId");
export const listHighlights = browserOperation<typeof contracts.listHighlights>("list highlights", "GET", "/api/essays/:essayId/highlights");
export const reattachHighlight = browserOperation<typeof contracts.reattachHighlight>("reattach highlight", "POST", "/api/highlights/:highlightId/reattach");
export const restoreHighlight = browserOperation<typeof contracts.restoreHighlight>("restore highlight", "POST", "/api/highlights/:highlightId/restore");
export const updateHighlight = browserOperation<typeof contracts.updateHighlight>("update highlight", "PATCH", "/api/highlights/:highlightId");
