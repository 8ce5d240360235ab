import { jsonResponse } from "@/lib/http/json-response";

export const dynamic = "force-dynamic";

/** Liveness, for load balancers and uptime checks: the process answers. Touches no database. */
export function GET() {
  return jsonResponse({ status: "ok" });
}
