import { handle } from "@/lib/http/operation";
import { withdrawReport as withdrawReportContract } from "@/lib/moderation/contracts";
import { withdrawReport } from "@/lib/moderation/report-content";

export const DELETE = handle(withdrawReportContract, async ({ params, viewer }) => {
  await withdrawReport(viewer, params.reportId);
});
