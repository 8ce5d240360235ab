import * as z from "zod/mini";
import { defineOperation, returns, type StreamResponse } from "@/lib/http/contract";
import { counterText, textId } from "@/lib/validation";

/**
 * Server-Sent Events for an essay's discussion, or, with `Accept:
 * application/json`, one page of events for a client that polls (over the
 * stream caps, 503 with Retry-After). A client resuming with Last-Event-ID
 * (or ?after=) first gets every event it missed. Events carry ids only; the
 * client fetches each comment through the same checks as every other read,
 * so hidden or held content never travels on the stream.
 */
export const streamDiscussionEvents = defineOperation({
  name: "stream discussion events",
  method: "GET",
  path: "/api/essays/:essayId/events",
  guard: "public",
  params: z.object({ essayId: textId("That essay does not exist.") }),
  query: z.object({ after: z.optional(counterText("`after` is an event id: a whole number.")) }),
  response: returns<StreamResponse>(),
});
