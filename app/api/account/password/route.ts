import { changePassword } from "@/lib/auth/account-settings";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";

export const POST = route({ schema: changePasswordSchema }, async ({ body }) => {
  const viewer = await requireUser();
  await changePassword(viewer.id, body.currentPassword, body.newPassword);
});
