import * as z from "zod/mini";
import { defineOperation, returns, type StreamResponse } from "@/lib/http/contract";
import { MAX_INT4, serialId, serialIdText } from "@/lib/validation";
import type { MailPreferences } from "./mail-topics";
import type { NotificationView } from "./notifications";
import { unsubscribeQuerySchema, updateMailPreferencesSchema } from "./schemas";
import type { ThreadWatch } from "./thread-subscription";

/** The reader's latest notifications and how many are unread. */
export const listNotifications = defineOperation({
  name: "list notifications",
  method: "GET",
  path: "/api/notifications",
  guard: "member",
  response: returns<{ notifications: NotificationView[]; unread: number }>(),
});

/** Marks notifications read: some by id, or all. A suspended reader may. */
export const markNotificationsRead = defineOperation({
  name: "mark notifications read",
  method: "POST",
  path: "/api/notifications",
  guard: "member",
  body: z.object({ ids: z.union([z.literal("all"), z.array(serialId("notification")).check(z.maxLength(500))], { error: 'Send the ids to mark read, or "all".' }) }),
  response: returns<{ marked: number }>(),
});

/** The unread count and newest notification id: what the header bell polls. */
export const notificationSummary = defineOperation({
  name: "notification summary",
  method: "GET",
  path: "/api/notifications/summary",
  guard: "member",
  response: returns<{ unread: number; latestId: number }>(),
});

/**
 * Server-Sent Events for the reader's bell: an `event: notifications` frame
 * with the summary above when the stream opens, and again whenever a
 * notification arrives or is read (in any tab). The frames carry counts
 * only; the list is read through `listNotifications`. The stream ends when
 * the session does (sign out everywhere, a ban).
 */
export const streamNotifications = defineOperation({
  name: "stream notifications",
  method: "GET",
  path: "/api/notifications/events",
  guard: "member",
  response: returns<StreamResponse>(),
});

const notificationParams = z.object({ notificationId: serialIdText("That notification does not exist.") });

/** Opens one of the reader's notifications: marks it read and answers where it points. */
export const openNotification = defineOperation({
  name: "open notification",
  method: "POST",
  path: "/api/notifications/:notificationId/open",
  guard: "member",
  params: notificationParams,
  response: returns<{ href: string | null }>(),
});

const rootParams = z.object({ rootId: serialIdText("That thread does not exist.") });

/** Sets how the reader hears of a thread: every reply, none, or replies to them (the default). */
export const setThreadWatch = defineOperation({
  name: "set thread watch",
  method: "POST",
  path: "/api/threads/:rootId/watch",
  guard: "member",
  params: rootParams,
  body: z.object({ mode: z.enum(["watch", "mute", "default"], { error: 'Choose "watch", "mute" or "default".' }) }),
  response: returns<{ mode: ThreadWatch }>(),
});

const ROOTS_MESSAGE = "`roots` is a list of up to 100 thread ids, comma-separated.";

/** The reader's watch/mute choices for up to 100 threads (?roots=1,2,3); threads at the default are absent. */
export const listThreadWatches = defineOperation({
  name: "list thread watches",
  method: "GET",
  path: "/api/thread-watches",
  guard: "member",
  query: z.object({
    roots: z.pipe(
      z.pipe(
        z.string().check(z.regex(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9}){0,99}$/, ROOTS_MESSAGE)),
        z.transform((roots: string) => roots.split(",").map(Number)),
      ),
      z.array(z.number().check(z.maximum(MAX_INT4, ROOTS_MESSAGE))),
    ),
  }),
  response: returns<{ watches: Record<number, "watch" | "mute"> }>(),
});

/** Changes what the reader is emailed about, topic by topic: immediately, in a daily digest, or off. A suspended reader may. */
export const updateMailPreferences = defineOperation({
  name: "update mail preferences",
  method: "PATCH",
  path: "/api/account/mail-preferences",
  guard: "member",
  body: updateMailPreferencesSchema,
  response: returns<{ preferences: MailPreferences }>(),
});

/**
 * Turns off what an unsubscribe link names. The mail's List-Unsubscribe
 * header points here for RFC 8058's one-click POST, which mail providers
 * send from their own servers, with no session and no Origin (so the
 * same-origin check lets it through); the unsubscribe page's button posts
 * here too. The token is the only credential, and it can only stop mail.
 */
export const unsubscribeMail = defineOperation({
  name: "unsubscribe mail",
  method: "POST",
  path: "/api/mail/unsubscribe",
  guard: "public",
  query: unsubscribeQuerySchema,
  response: returns<{ message: string }>(),
});
