import { handle } from "@/lib/http/operation";
import { getHealth } from "@/lib/system/contracts";

export const dynamic = "force-dynamic";

export const GET = handle(getHealth, async () => ({ status: "ok" as const }));
