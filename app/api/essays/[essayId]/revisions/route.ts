import { listEssayRevisions as listEssayRevisionsContract } from "@/lib/essays/contracts";
import { listEssayRevisions } from "@/lib/essays/list-essay-revisions";
import { handle } from "@/lib/http/operation";

export const GET = handle(listEssayRevisionsContract, async ({ params }) => ({ revisions: (await listEssayRevisions({ id: params.essayId })).revisions }));
