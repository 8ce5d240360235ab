import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { serialId } from "@/lib/validation";
import type { NotificationView } from "./notifications";

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
