import { updateDisplayName } from "@/lib/auth/account-settings";
import { updateProfile } from "@/lib/auth/contracts";
import { handle } from "@/lib/http/operation";

export const PATCH = handle(updateProfile, async ({ viewer, body }) => ({ profile: await updateDisplayName(viewer.id, body.name) }));
