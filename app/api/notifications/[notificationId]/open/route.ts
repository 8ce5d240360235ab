import { handle } from "@/lib/http/operation";
import { openNotification as openOp } from "@/lib/notifications/contracts";
import { openNotification } from "@/lib/notifications/open-notification";

export const POST = handle(openOp, async ({ viewer, params }) => openNotification(viewer.id, params.notificationId));
