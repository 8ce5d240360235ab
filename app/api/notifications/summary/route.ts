import { handle } from "@/lib/http/operation";
import { notificationSummary } from "@/lib/notifications/contracts";
import { unreadSummary } from "@/lib/notifications/notifications";

export const GET = handle(notificationSummary, async ({ viewer }) => unreadSummary(viewer.id));
