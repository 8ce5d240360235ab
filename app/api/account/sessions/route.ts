import { signOutEverywhere } from "@/lib/auth/account-settings";
import { signOutEverywhere as signOutEverywhereContract } from "@/lib/auth/contracts";
import { handle } from "@/lib/http/operation";

export const DELETE = handle(signOutEverywhereContract, async ({ viewer }) => {
  await signOutEverywhere(viewer.id);
});
