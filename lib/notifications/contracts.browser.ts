// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const listNotifications = browserOperation<typeof contracts.listNotifications>("list notifications", "GET", "/api/notifications");
export const listThreadWatches = browserOperation<typeof contracts.listThreadWatches>("list thread watches", "GET", "/api/thread-watches");
export const markNotificationsRead = browserOperation<typeof contracts.markNotificationsRead>("mark notifications read", "POST", "/api/notifications");
export const notificationSummary = browserOperation<typeof contracts.notificationSummary>("notification summary", "GET", "/api/notifications/summary");
export const openNotification = browserOperation<typeof contracts.openNotification>("open notification", "POST", "/api/notifications/:notificationId/open");
export const setThreadWatch = browserOperation<typeof contracts.setThreadWatch>("set thread watch", "POST", "/api/threads/:rootId/watch");
export const streamNotifications = browserOperation<typeof contracts.streamNotifications>("stream notifications", "GET", "/api/notifications/events");
export const unsubscribeMail = browserOperation<typeof contracts.unsubscribeMail>("unsubscribe mail", "POST", "/api/mail/unsubscribe");
export const updateMailPreferences = browserOperation<typeof contracts.updateMailPreferences>("update mail preferences", "PATCH", "/api/account/mail-preferences");
