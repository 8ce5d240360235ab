import * as contracts from "@/lib/api-tokens/contracts";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import { handle } from "@/lib/http/operation";

export const DELETE = handle(contracts.revokeApiToken, async ({ viewer, params }) => {
  await revokeApiToken(viewer.id, params.tokenId);
});
