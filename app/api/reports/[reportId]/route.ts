import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { withdrawReport } from "@/lib/moderation/report-content";

/** Withdraws one of the reader's own open reports. */
export const DELETE = route<{ reportId: string }, void>({}, async ({ params }) => {
  await withdrawReport(await requireUser(), params.reportId);
});
