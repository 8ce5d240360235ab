import { dryRunRevision as dryRunRevisionContract } from "@/lib/essays/contracts";
import { dryRunRevision } from "@/lib/essays/dry-run-revision";
import { handle } from "@/lib/http/operation";

export const POST = handle(dryRunRevisionContract, async ({ params, body }) => ({ dryRun: await dryRunRevision(params.essayId, body) }));
