import { z } from "zod";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { listNotifications, markNotificationsRead, unreadCount } from "@/lib/notifications/notifications";

export const GET = route({}, async () => {
  const viewer = await requireUser();
  return { notifications: await listNotifications(viewer.id), unread: await unreadCount(viewer.id) };
});

const markReadSchema = z.object({ ids: z.union([z.literal("all"), z.array(z.number().int().positive()).max(500)], { message: "Send the ids to mark read, or \"all\"." }) });

/** Marks notifications read. */
export const POST = route({ schema: markReadSchema }, async ({ body }: { params: unknown; body: z.infer<typeof markReadSchema> }) => {
  const viewer = await requireUser();
  return { marked: await markNotificationsRead(viewer.id, body.ids) };
});
