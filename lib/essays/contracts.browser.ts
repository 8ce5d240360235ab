// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const compareRevisions = browserOperation<typeof contracts.compareRevisions>("compare essay revisions", "GET", "/api/essays/:essayId/revisions/compare");
export const dryRunRevision = browserOperation<typeof contracts.dryRunRevision>("dry-run essay revision", "POST", "/api/editor/essays/:essayId/dry-run");
export const listEssayRevisions = browserOperation<typeof contracts.listEssayRevisions>("list essay revisions", "GET", "/api/essays/:essayId/revisions");
export const previewEssay = browserOperation<typeof contracts.previewEssay>("preview essay import", "POST", "/api/editor/preview");
export const publishEssay = browserOperation<typeof contracts.publishEssay>("publish essay", "POST", "/api/editor/essays");
export const reviseEssay = browserOperation<typeof contracts.reviseEssay>("revise essay", "POST", "/api/editor/essays/:essayId/revisions");
export const setEssayPublished = browserOperation<typeof contracts.setEssayPublished>("set essay published", "PATCH", "/api/editor/essays/:essayId");
