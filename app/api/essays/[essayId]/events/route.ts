import { discussionStream } from "@/lib/live/discussion-stream";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events for an essay's discussion. A client resuming with
 * Last-Event-ID (or ?after=) first gets every event it missed. Events carry
 * ids only; the client fetches each comment through the same checks as every
 * other read, so hidden or held content never travels on the stream.
 */
export async function GET(request: Request, { params }: { params: Promise<{ essayId: string }> }) {
  const { essayId } = await params;
  const resumeFrom = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? 0) || 0;
  return new Response(discussionStream(essayId, resumeFrom, request.signal), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
