import { defineOperation, returns } from "@/lib/http/contract";

/** Liveness, for load balancers and uptime checks: the process answers. Touches no database. */
export const getHealth = defineOperation({
  name: "get health",
  method: "GET",
  path: "/api/health",
  guard: "public",
  response: returns<{ status: "ok" }>(),
});
