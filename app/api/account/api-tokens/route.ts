import * as contracts from "@/lib/api-tokens/contracts";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.listApiTokens, async ({ viewer }) => ({ tokens: await listApiTokens(viewer.id) }));

export const POST = handle(contracts.createApiToken, async ({ viewer, body }) => createApiToken(viewer.id, body.name));
