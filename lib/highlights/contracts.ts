import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { textId } from "@/lib/validation";
import { createHighlightSchema, reattachHighlightSchema, updateHighlightSchema } from "./schemas";
import type { HighlightView } from "./view";

const essayParams = z.object({ essayId: textId("That essay does not exist.") });
const highlightParams = z.object({ highlightId: textId("That highlight does not exist.") });

/** The essay's highlights this viewer may see: every public one and their own private ones. */
export const listHighlights = defineOperation({
  name: "list highlights",
  method: "GET",
  path: "/api/essays/:essayId/highlights",
  guard: "public",
  params: essayParams,
  response: returns<{ highlights: HighlightView[] }>(),
});

/** Highlights a passage of the essay's current revision. */
export const createHighlight = defineOperation({
  name: "create highlight",
  method: "POST",
  path: "/api/essays/:essayId/highlights",
  guard: "writer",
  params: essayParams,
  body: createHighlightSchema,
  status: 201,
  response: returns<{ highlight: HighlightView }>(),
});

/** One highlight as this reader may see it (a live page fetches through here when the stream announces a highlight). */
export const getHighlight = defineOperation({
  name: "get highlight",
  method: "GET",
  path: "/api/highlights/:highlightId",
  guard: "public",
  params: highlightParams,
  response: returns<{ highlight: HighlightView }>(),
});

/** Changes one's own highlight's colour, note or visibility. */
export const updateHighlight = defineOperation({
  name: "update highlight",
  method: "PATCH",
  path: "/api/highlights/:highlightId",
  guard: "writer",
  params: highlightParams,
  body: updateHighlightSchema,
  response: returns<{ highlight: HighlightView }>(),
});

/** Deletes one's own highlight (undo brings it back). */
export const deleteHighlight = defineOperation({
  name: "delete highlight",
  method: "DELETE",
  path: "/api/highlights/:highlightId",
  guard: "writer",
  params: highlightParams,
  status: 204,
  response: returns<void>(),
});

/** Undo for a deleted highlight: the very same highlight comes back. */
export const restoreHighlight = defineOperation({
  name: "restore highlight",
  method: "POST",
  path: "/api/highlights/:highlightId/restore",
  guard: "writer",
  params: highlightParams,
  response: returns<{ highlight: HighlightView }>(),
});

/** Puts a highlight and its threads on a new selection in the current revision (its owner, its threads' starters, editors and moderators). */
export const reattachHighlight = defineOperation({
  name: "reattach highlight",
  method: "POST",
  path: "/api/highlights/:highlightId/reattach",
  guard: "writer",
  params: highlightParams,
  body: reattachHighlightSchema,
  response: returns<{ highlight: HighlightView }>(),
});
