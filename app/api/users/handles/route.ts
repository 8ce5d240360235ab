import { handle } from "@/lib/http/operation";
import { searchHandles as searchOp } from "@/lib/users/contracts";
import { searchHandles } from "@/lib/users/search-handles";

export const GET = handle(searchOp, async ({ query }) => ({ users: await searchHandles(query.q) }));
