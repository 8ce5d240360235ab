import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/moderation/contracts";
import { searchUsers } from "@/lib/moderation/search-users";

export const GET = handle(contracts.searchUsers, async ({ viewer, query }) => ({ users: await searchUsers(viewer, query.q) }));
