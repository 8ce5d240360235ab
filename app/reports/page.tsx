import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MyReportsList } from "@/components/moderation/my-reports-list";
import { signInHref } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";
import { listMyReports } from "@/lib/moderation/my-reports";

export const metadata: Metadata = { title: "Your reports" };
export const dynamic = "force-dynamic";

/** The reader's reports and what the moderators made of them. */
export default async function ReportsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref("/reports"));
  return (
    <section className="moderation-page moderation-page--narrow">
      <h1>Your reports</h1>
      <MyReportsList reports={await listMyReports(viewer.id)} />
    </section>
  );
}
