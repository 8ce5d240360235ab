import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { listMyReports } from "@/lib/moderation/my-reports";
import { reportContent } from "@/lib/moderation/report-content";
import { reportSchema, type ReportInput } from "@/lib/moderation/schemas";

/** The reader's own reports and what became of them. */
export const GET = route({}, async () => {
  const viewer = await requireUser();
  return { reports: await listMyReports(viewer.id) };
});

/** Reports a comment or a public highlight's note. */
export const POST = route({ schema: reportSchema, status: 201 }, async ({ body }: { params: unknown; body: ReportInput }) => {
  return { report: await reportContent(await requireUser(), body) };
});
