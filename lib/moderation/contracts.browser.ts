// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const addModeratorNote = browserOperation<typeof contracts.addModeratorNote>("add moderator note", "POST", "/api/moderation/users/:handle/notes");
export const listMyReports = browserOperation<typeof contracts.listMyReports>("list my reports", "GET", "/api/reports");
export const moderate = browserOperation<typeof contracts.moderate>("moderate", "POST", "/api/moderation/actions");
export const readUserRecord = browserOperation<typeof contracts.readUserRecord>("read user record", "GET", "/api/moderation/users/:handle");
export const reportContent = browserOperation<typeof contracts.reportContent>("report content", "POST", "/api/reports");
export const searchUsers = browserOperation<typeof contracts.searchUsers>("search users", "GET", "/api/moderation/users");
export const withdrawReport = browserOperation<typeof contracts.withdrawReport>("withdraw report", "DELETE", "/api/reports/:reportId");
