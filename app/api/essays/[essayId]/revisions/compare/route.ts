import { compareRevisions } from "@/lib/essays/compare-revisions";
import { compareRevisions as compareRevisionsContract } from "@/lib/essays/contracts";
import { handle } from "@/lib/http/operation";

export const GET = handle(compareRevisionsContract, async ({ params, query }) => ({ comparison: await compareRevisions({ id: params.essayId }, query.from, query.to) }));
