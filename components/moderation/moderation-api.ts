import { callApi } from "@/components/api-client";

/** Sends one moderation action (see lib/moderation/schemas.ts for the shapes). */
export function moderate(body: Record<string, unknown>): Promise<{ ok: true }> {
  return callApi<{ ok: true }>("/api/moderation/actions", { method: "POST", body });
}
