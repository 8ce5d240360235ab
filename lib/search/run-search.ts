import "server-only";
import { LIMITS, consume } from "@/lib/rate-limit/limits";
import type { SearchQuery } from "./schemas";
import { searchSite, type SearchAnswer } from "./search-site";

/** A search as a client asks it (the page or GET /api/search): counted against the client's per-minute searches, then run. */
export async function runSearch(search: SearchQuery, viewerId: string | null, clientIp: string): Promise<SearchAnswer> {
  if (search.q) await consume([{ rule: LIMITS.searchesPerIp, key: clientIp }]);
  return searchSite(search, viewerId);
}
