import type { Metadata } from "next";
import Link from "next/link";
import { AppealForm } from "@/components/appeals/appeal-form";
import { LocalTime } from "@/components/ui/local-time";
import { loadSanctionNotice, type AppealView } from "@/lib/appeals/sanction-notice";
import { sanctionedReaderOfPage } from "@/lib/auth/sanctioned-reader";

export const metadata: Metadata = { title: "Your account's standing", robots: { index: false } };

const STATUS: Record<AppealView["status"], string> = { OPEN: "Waiting for a moderator", GRANTED: "Granted", DENIED: "Denied" };

/**
 * The notice of a ban or suspension, to the reader it falls on: what, why,
 * since and until when (in their own time zone), their appeals, and the
 * appeal form. A banned reader reaches it by signing in with the right
 * password (the ban notice's token); a suspended one from the banner.
 */
export default async function SanctionPage() {
  const reader = await sanctionedReaderOfPage();
  const notice = reader ? await loadSanctionNotice(reader) : null;
  if (!notice) {
    return (
      <section className="auth-page sanction-page">
        <h1>Your account&rsquo;s standing</h1>
        <p className="auth-page__lede">There is no sanction to show here.</p>
        <p>
          If your account was banned or suspended, <Link href="/signin?callbackUrl=/sanction">sign in</Link> to read why and to appeal. If a moderator has lifted it, you can sign in and write as
          before.
        </p>
      </section>
    );
  }
  const banned = notice.kind === "BAN";
  const waiting = notice.appeals.find((appeal) => appeal.status === "OPEN");
  return (
    <section className="auth-page sanction-page" aria-labelledby="sanction-title">
      <h1 id="sanction-title">{banned ? "Your account is banned" : "Your account is suspended"}</h1>
      <p className="auth-page__lede">
        {banned ? (
          "You can still read Glossa, but you cannot sign in, highlight, comment or report."
        ) : (
          <>
            Until <LocalTime iso={notice.endsAt!} /> you can read, but not highlight, comment or report.
          </>
        )}
      </p>
      <dl className="sanction-notice" data-testid="sanction-notice">
        <dt>Why</dt>
        <dd>
          <blockquote className="sanction-notice__reason">{notice.reason}</blockquote>
        </dd>
        <dt>Since</dt>
        <dd>
          <LocalTime iso={notice.issuedAt} />
        </dd>
        <dt>Until</dt>
        <dd>{notice.endsAt ? <LocalTime iso={notice.endsAt} /> : "A moderator lifts it"}</dd>
      </dl>

      <h2 className="sanction-page__heading">Appeal</h2>
      {waiting ? (
        <p className="form-message form-message--success" role="status">
          Your appeal of <LocalTime iso={waiting.createdAt} /> is waiting for a moderator. Their answer will be shown here and emailed to your confirmed address.
        </p>
      ) : (
        <AppealForm />
      )}
      {notice.appeals.some((appeal) => appeal.status !== "OPEN") && (
        <>
          <h2 className="sanction-page__heading">Earlier appeals</h2>
          <ol className="sanction-page__appeals">
            {notice.appeals
              .filter((appeal) => appeal.status !== "OPEN")
              .map((appeal) => (
                <li key={appeal.id}>
                  <p>
                    <strong>{STATUS[appeal.status]}</strong> · <LocalTime iso={appeal.decidedAt ?? appeal.createdAt} />
                  </p>
                  <p className="sanction-page__quote">{appeal.message}</p>
                  {appeal.decisionNote && <p>The moderator&rsquo;s answer: {appeal.decisionNote}</p>}
                </li>
              ))}
          </ol>
        </>
      )}
    </section>
  );
}
