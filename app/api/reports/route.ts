import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/moderation/contracts";
import { listMyReports } from "@/lib/moderation/my-reports";
import { reportContent } from "@/lib/moderation/report-content";

export const GET = handle(contracts.listMyReports, async ({ viewer }) => ({ reports: await listMyReports(viewer.id) }));

export const POST = handle(contracts.reportContent, async ({ viewer, body }) => ({ report: await reportContent(viewer, body) }));
