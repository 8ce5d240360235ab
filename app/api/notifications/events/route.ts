import { sessionForRequest } from "@/lib/auth/viewer";
import { handle } from "@/lib/http/operation";
import { openBellStream } from "@/lib/notifications/bell-stream";
import { streamNotifications } from "@/lib/notifications/contracts";

export const dynamic = "force-dynamic";

/** In production the stream is served below Next, by the same contract, guard and admission (lib/live/event-stream-server.ts). */
export const GET = handle(streamNotifications, async ({ request, viewer }) => openBellStream(request, viewer.id, (await sessionForRequest(request)).sessionVersion!));
