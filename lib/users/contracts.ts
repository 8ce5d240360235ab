import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import type { HandleMatch } from "./search-handles";

/**
 * Handles starting with `q`, for @mention autocomplete in the composer. Only
 * what a public profile shows (handle and display name), at most 8, for
 * signed-in readers (the only ones who write comments).
 */
export const searchHandles = defineOperation({
  name: "search handles",
  method: "GET",
  path: "/api/users/handles",
  guard: "member",
  query: z.object({ q: z.string().check(z.regex(/^[a-zA-Z0-9_-]{1,30}$/, "Search by the start of a handle: letters, digits, _ and - only.")) }),
  response: returns<{ users: HandleMatch[] }>(),
});
