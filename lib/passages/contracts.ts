import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { textId } from "@/lib/validation";
import { autoSlowSchema, closePassageToPublicHighlightsSchema, controlPassageSchema, essayPublicHighlightsSchema } from "./schemas";
import type { PassageControlView } from "./view";

const essayParams = z.object({ essayId: textId("That essay does not exist.") });

/** Locks, slows, pre-moderates or closes to new highlights one passage of an essay: every thread on a highlight overlapping it, present and future. */
export const controlPassage = defineOperation({
  name: "control passage",
  method: "POST",
  path: "/api/essays/:essayId/passage-controls",
  guard: { role: "MODERATOR" },
  params: essayParams,
  body: controlPassageSchema,
  status: 201,
  response: returns<{ control: PassageControlView }>(),
});

/** Turns public highlights off on one passage (its editors; private highlights stay possible). */
export const closePublicHighlights = defineOperation({
  name: "close passage to public highlights",
  method: "POST",
  path: "/api/essays/:essayId/public-highlights/passages",
  guard: { role: "EDITOR" },
  params: essayParams,
  body: closePassageToPublicHighlightsSchema,
  status: 201,
  response: returns<{ control: PassageControlView }>(),
});

/** Turns public highlights on or off for a whole essay (its editors). */
export const setEssayPublicHighlights = defineOperation({
  name: "set essay public highlights",
  method: "PUT",
  path: "/api/essays/:essayId/public-highlights",
  guard: { role: "EDITOR" },
  params: essayParams,
  body: essayPublicHighlightsSchema,
  response: returns<{ publicHighlightsOpen: boolean }>(),
});

/** Removes a passage control: an editor's public-highlights one by an editor, any by a moderator. */
export const removePassageControl = defineOperation({
  name: "remove passage control",
  method: "DELETE",
  path: "/api/passage-controls/:controlId",
  guard: { role: "EDITOR" },
  params: z.object({ controlId: textId("That passage control does not exist.") }),
  status: 204,
  response: returns<void>(),
});

/** Sets the automatic slow mode (admins): above which heat score a thread or passage is slowed, and to what pace. Off by default. */
export const setAutoSlow = defineOperation({
  name: "set automatic slow mode",
  method: "PUT",
  path: "/api/moderation/auto-slow",
  guard: { role: "ADMIN" },
  body: autoSlowSchema,
  status: 204,
  response: returns<void>(),
});
