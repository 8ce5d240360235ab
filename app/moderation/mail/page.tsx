import type { Metadata } from "next";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { listFailedMail } from "@/lib/mail/list-failed-mail";

export const metadata: Metadata = { title: "Mail" };

/** Mail the worker could not deliver for 24 hours (admins only): to whom, what, and the mail server's last answer. */
export default async function FailedMailPage() {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "ADMIN")) return <StaffOnly signedIn={viewer !== null} role="admins" returnTo="/moderation/mail" />;
  const { failed, pending } = await listFailedMail(viewer);
  return (
    <section className="moderation-page">
      <ModerationNav isAdmin current="mail" />
      <h1>Undelivered mail</h1>
      <p className="moderation-page__lede">
        The outbox retries a message for 24 hours, waiting 30 seconds doubling to an hour between tries; then it stops and the message is listed here. {pending} waiting to be sent now.
      </p>
      {failed.length === 0 ? (
        <p className="empty-state">Nothing failed: every message was delivered or is still being tried.</p>
      ) : (
        <div className="audit-table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th>Written</th>
                <th>To</th>
                <th>What</th>
                <th>Tries</th>
                <th>Last answer from the mail server</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((mail) => (
                <tr key={mail.id}>
                  <td>
                    <LocalTime iso={mail.createdAt.toISOString()} />
                  </td>
                  <td>{mail.to}</td>
                  <td>
                    {mail.subject} <span className="audit-table__kind">({mail.kind})</span>
                  </td>
                  <td>{mail.attempts}</td>
                  <td className="audit-table__change">
                    <code>{mail.lastError ?? "—"}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
