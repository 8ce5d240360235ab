import { defineOperation, returns } from "@/lib/http/contract";

/** Liveness, for load balancers and uptime checks: the process answers. Touches no database. */
export const getHealth = defineOperation({
  name: "get health",
  method: "GET",
  path: "/api/health",
  guard: "public",
  response: returns<{ status: "ok" }>(),
});

/**
 * Readiness, for load balancers deciding whether to send traffic: 200 when
 * the database answers, 503 with Retry-After when it does not.
 */
export const getReadiness = defineOperation({
  name: "get readiness",
  method: "GET",
  path: "/api/ready",
  guard: "public",
  response: returns<{ status: "ready"; database: "ok" }>(),
});
