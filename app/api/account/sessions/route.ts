import { signOutEverywhere } from "@/lib/auth/account-settings";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** Sign out everywhere. A suspended reader may still end their own sessions. */
export const DELETE = route({}, async () => {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to do that.");
  await signOutEverywhere(viewer.id);
});
