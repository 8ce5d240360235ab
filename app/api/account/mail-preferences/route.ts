import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/notifications/contracts";
import { updateMailPreferences } from "@/lib/notifications/update-mail-preferences";

export const PATCH = handle(contracts.updateMailPreferences, async ({ viewer, body }) => ({ preferences: await updateMailPreferences(viewer.id, body) }));
