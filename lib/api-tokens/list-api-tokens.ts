import "server-only";
import { db } from "@/lib/db/client";
import { toApiTokenView, type ApiTokenView } from "./view";

/** The reader's live (unrevoked) API tokens, newest first, as settings lists them. */
export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toApiTokenView);
}
