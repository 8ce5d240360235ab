import { handle } from "@/lib/http/operation";
import { listThreadWatches } from "@/lib/notifications/contracts";
import { threadWatches } from "@/lib/notifications/thread-subscription";

export const GET = handle(listThreadWatches, async ({ viewer, query }) => ({ watches: await threadWatches(viewer.id, query.roots) }));
