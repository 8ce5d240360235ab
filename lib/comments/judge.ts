import "server-only";
import { AppError } from "@/lib/errors";
import { runPipeline, type CommentContext } from "@/lib/moderation/pipeline";
import { COMMENT_PHASES } from "@/lib/moderation/phases";

/** Runs the pipeline and turns a rejection into the right error; returns the status to store. */
export function judgeComment(context: CommentContext): { status: "PUBLISHED" | "HELD"; holdReasons: string[] } {
  const result = runPipeline(COMMENT_PHASES, context);
  if (result.action === "reject") {
    if (result.kind === "closed") throw new AppError("FORBIDDEN", result.reason);
    if (result.kind === "flood") throw new AppError("RATE_LIMITED", result.reason, { retryAfterSeconds: 1 });
    throw new AppError("VALIDATION", result.reason, { fieldErrors: { body: [result.reason] } });
  }
  return result.action === "hold" ? { status: "HELD", holdReasons: result.reasons } : { status: "PUBLISHED", holdReasons: [] };
}
