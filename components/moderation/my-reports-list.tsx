"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { RelativeTime } from "@/components/ui/relative-time";
import { withdrawReport } from "@/lib/moderation/contracts.browser";
import type { MyReportView } from "@/lib/moderation/my-reports";

const STATUS: Record<MyReportView["status"], string> = { OPEN: "Open", ACTIONED: "Actioned", DISMISSED: "Dismissed", WITHDRAWN: "Withdrawn" };
const REASON: Record<string, string> = { SPAM: "Spam", HARASSMENT: "Harassment or hate", OFF_TOPIC: "Off-topic", MISINFORMATION: "Misinformation", OTHER: "Other" };

/** The reader's reports with their status; open ones can be withdrawn. */
export function MyReportsList({ reports }: { reports: MyReportView[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const withdraw = async (id: string) => {
    try {
      await callOperation(withdrawReport, { params: { reportId: id } });
      router.refresh();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "That did not work. Please try again.");
    }
  };
  if (reports.length === 0) return <p className="empty-state">You have not reported anything.</p>;
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ol className="report-list">
        {reports.map((report) => (
          <li key={report.id} className="report-list__item" data-status={report.status.toLowerCase()}>
            <span className={`badge-pill badge-pill--${report.status.toLowerCase()}`}>{STATUS[report.status]}</span>
            <div>
              <p>
                {REASON[report.reason] ?? report.reason}: a {report.what} {report.href ? <a href={report.href}>“{report.excerpt}”</a> : `“${report.excerpt}”`}
              </p>
              <p className="report-list__meta">
                Reported <RelativeTime iso={report.createdAt} />
                {report.resolvedAt && (
                  <>
                    , reviewed <RelativeTime iso={report.resolvedAt} />
                  </>
                )}
              </p>
            </div>
            {report.status === "OPEN" && (
              <button type="button" className="link-button" onClick={() => withdraw(report.id)}>
                Withdraw
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
