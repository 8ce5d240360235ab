import { errorResponse } from "@/lib/http/respond";
import { openDiscussionStream } from "@/lib/live/open-discussion-stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for an essay's discussion (or, with
 * `Accept: application/json`, one page of events for a client that polls).
 * A client resuming with Last-Event-ID (or ?after=) first gets every event
 * it missed. Events carry ids only; the client fetches each comment through
 * the same checks as every other read. Admission (404, caps, 503) is in
 * lib/live/open-discussion-stream.ts.
 */
export async function GET(request: Request, { params }: { params: Promise<{ essayId: string }> }) {
  try {
    return await openDiscussionStream(request, (await params).essayId);
  } catch (error) {
    return errorResponse(error);
  }
}
