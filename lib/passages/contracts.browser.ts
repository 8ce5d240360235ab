// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const closePublicHighlights = browserOperation<typeof contracts.closePublicHighlights>("close passage to public highlights", "POST", "/api/essays/:essayId/public-highlights/passages");
export const controlPassage = browserOperation<typeof contracts.controlPassage>("control passage", "POST", "/api/essays/:essayId/passage-controls");
export const removePassageControl = browserOperation<typeof contracts.removePassageControl>("remove passage control", "DELETE", "/api/passage-controls/:controlId");
export const setAutoSlow = browserOperation<typeof contracts.setAutoSlow>("set automatic slow mode", "PUT", "/api/moderation/auto-slow");
export const setEssayPublicHighlights = browserOperation<typeof contracts.setEssayPublicHighlights>("set essay public highlights", "PUT", "/api/essays/:essayId/public-highlights");
