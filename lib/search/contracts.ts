import { defineOperation, returns } from "@/lib/http/contract";
import { searchQuerySchema } from "./schemas";
import type { SearchAnswer } from "./search-site";

/**
 * Searches what this viewer may read: essays, comments, public highlight
 * notes and tags, and their own highlights (private ones included), with
 * filters by essay, author, kind and date, by relevance or newest first.
 */
export const searchSite = defineOperation({
  name: "search",
  method: "GET",
  path: "/api/search",
  guard: "public",
  query: searchQuerySchema,
  response: returns<SearchAnswer>(),
});
