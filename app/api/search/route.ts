import { handle } from "@/lib/http/operation";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { searchSite } from "@/lib/search/contracts";
import { runSearch } from "@/lib/search/run-search";

export const GET = handle(searchSite, async ({ query, viewer, request }) => runSearch(query, viewer?.id ?? null, clientIp(request.headers)));
