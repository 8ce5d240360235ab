import { handle } from "@/lib/http/operation";
import { streamDiscussionEvents } from "@/lib/live/contracts";
import { openDiscussionStream } from "@/lib/live/open-discussion-stream";

export const dynamic = "force-dynamic";

/**
 * In production the streams themselves are served below Next, by the same
 * contract and admission (lib/live/event-stream-server.ts); this handler
 * serves polling (Accept: application/json) and streams wherever that hook
 * is not installed.
 */
export const GET = handle(streamDiscussionEvents, async ({ request, params, query }) => openDiscussionStream(request, { essayId: params.essayId, after: query.after }));
