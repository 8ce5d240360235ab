import { changePassword } from "@/lib/auth/account-settings";
import { changePassword as changePasswordContract } from "@/lib/auth/contracts";
import { handle } from "@/lib/http/operation";

export const POST = handle(changePasswordContract, async ({ viewer, body }) => {
  await changePassword(viewer.id, body.currentPassword, body.newPassword);
});
