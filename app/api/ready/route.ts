import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/operation";
import { checkReadiness } from "@/lib/system/check-readiness";
import { getReadiness } from "@/lib/system/contracts";

export const dynamic = "force-dynamic";

export const GET = handle(getReadiness, async () => {
  const { database } = await checkReadiness();
  if (database !== "ok") throw new AppError("UNAVAILABLE", "This instance cannot reach its database just now.", { retryAfterSeconds: 5 });
  return { status: "ready" as const, database };
});
