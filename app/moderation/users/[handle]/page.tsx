import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { ModeratorNoteForm, UserSanctionForm } from "@/components/moderation/user-tools";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { readUserRecord, type ReportLine, type UserRecord } from "@/lib/moderation/read-user-record";
import { siteSettings } from "@/lib/moderation/settings";
import "@/components/moderation/moderation-in-context.css";

export const metadata: Metadata = { title: "Reader" };
export const dynamic = "force-dynamic";

const DAY: Intl.DateTimeFormatOptions = { dateStyle: "medium" };
const WHEN: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const REASONS: Record<string, string> = { SPAM: "Spam", HARASSMENT: "Harassment or hate", OFF_TOPIC: "Off-topic", MISINFORMATION: "Misinformation", OTHER: "Other" };
const STATUS_PILL: Record<string, string> = { PUBLISHED: "published", HELD: "held", HIDDEN: "hidden" };

function ReportList({ reports, otherLabel }: { reports: ReportLine[]; otherLabel: string }) {
  if (reports.length === 0) return <p className="empty-state">None.</p>;
  return (
    <ul className="user-record__list">
      {reports.map((report, index) => (
        <li key={index}>
          <span className={`badge-pill badge-pill--${report.status.toLowerCase()}`}>{report.status.toLowerCase()}</span> {REASONS[report.reason] ?? report.reason} · {otherLabel} {report.other} ·{" "}
          <LocalTime iso={report.at} options={WHEN} />
          {report.item && (
            <>
              {" "}
              · <Link href={report.item.href}>{report.item.kind === "comment" ? "the comment" : "the note"}</Link>: <q>{report.item.excerpt}</q>
            </>
          )}
          {report.details && <p className="user-record__detail">“{report.details}”</p>}
        </li>
      ))}
    </ul>
  );
}

function Standing({ user }: { user: UserRecord }) {
  if (user.standing === "SUSPENDED" && user.suspendedUntil)
    return (
      <>
        suspended until <LocalTime iso={user.suspendedUntil} options={WHEN} />
      </>
    );
  return <>{user.standing.toLowerCase()}</>;
}

/** One reader's record for moderators: history, sanctions, reports against and by them, private notes. */
export default async function ModerationUserPage({ params }: { params: Promise<{ handle: string }> }) {
  const handle = decodeURIComponent((await params).handle);
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "MODERATOR")) return <StaffOnly signedIn={viewer !== null} role="moderators" returnTo={`/moderation/users/${encodeURIComponent(handle)}`} />;
  let user: UserRecord;
  try {
    user = await readUserRecord(viewer, handle);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const settings = await siteSettings();
  const sanctionable = !user.deleted && user.id !== viewer.id && (user.role === "READER" || user.role === "EDITOR" || (user.role === "MODERATOR" && hasRole(viewer, "ADMIN")));
  return (
    <section className="moderation-page user-record">
      <ModerationNav isAdmin={hasRole(viewer, "ADMIN")} current="users" />
      <p className="user-record__back">
        <Link href="/moderation/users">← Find another reader</Link>
      </p>
      <h1>
        {user.name} <span className="user-record__handle">@{user.handle}</span>
      </h1>
      <dl className="user-record__facts">
        <div>
          <dt>Joined</dt>
          <dd>
            <LocalTime iso={user.joinedAt} options={DAY} />
          </dd>
        </div>
        <div>
          <dt>Standing</dt>
          <dd>
            <Standing user={user} />
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{user.role.toLowerCase()}</dd>
        </div>
        {user.email && (
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
        )}
        {user.trust && (
          <div>
            <dt>Trust</dt>
            <dd>
              level {user.trust.level}: {user.trust.label}
            </dd>
          </div>
        )}
        <div>
          <dt>Comments</dt>
          <dd>
            {user.comments.published} published, {user.comments.held} held, {user.comments.hidden} hidden, {user.comments.deleted} deleted
          </dd>
        </div>
        <div>
          <dt>Public highlights</dt>
          <dd>{user.publicHighlights}</dd>
        </div>
        <div>
          <dt>Reports against them</dt>
          <dd>
            {user.reportsAgainst.total} ({user.reportsAgainst.upheld} upheld, {user.reportsAgainst.open} open)
          </dd>
        </div>
        <div>
          <dt>Reports they made</dt>
          <dd>
            {user.reportsBy.total} ({user.reportsBy.upheld} upheld, {user.reportsBy.open} open)
          </dd>
        </div>
      </dl>
      {!user.deleted && (
        <p>
          <Link href={`/u/${user.handle}`}>Public profile</Link>
        </p>
      )}

      {sanctionable && (
        <>
          <h2>Sanction</h2>
          <UserSanctionForm userId={user.id} handle={user.handle} standing={user.standing} reasons={settings.cannedSanctionReasons} />
        </>
      )}

      <h2>Moderator notes</h2>
      <ModeratorNoteForm handle={user.handle} />
      {user.notes.length > 0 && (
        <ul className="user-record__list user-record__notes">
          {user.notes.map((note) => (
            <li key={note.id}>
              <p className="user-record__note-body">{note.body}</p>
              <p className="user-record__detail">
                {note.author ?? "a former moderator"} · <LocalTime iso={note.at} options={WHEN} />
              </p>
            </li>
          ))}
        </ul>
      )}

      <h2>Recent comments</h2>
      {user.recentComments.length === 0 ? (
        <p className="empty-state">No comments.</p>
      ) : (
        <ul className="user-record__list">
          {user.recentComments.map((comment) => (
            <li key={comment.id}>
              <span className={`badge-pill badge-pill--${STATUS_PILL[comment.status]}`}>{comment.deleted ? "deleted" : STATUS_PILL[comment.status]}</span>{" "}
              <Link href={comment.href}>
                <LocalTime iso={comment.at} options={WHEN} />
              </Link>
              : {comment.excerpt || <em>(no text)</em>}
            </li>
          ))}
        </ul>
      )}

      <h2>Sanctions</h2>
      {user.sanctions.length === 0 ? (
        <p className="empty-state">None.</p>
      ) : (
        <ul className="user-record__list">
          {user.sanctions.map((sanction, index) => (
            <li key={index}>
              <strong>{sanction.kind === "BAN" ? "Banned" : "Suspended"}</strong> <LocalTime iso={sanction.at} options={WHEN} />
              {sanction.endsAt && (
                <>
                  {" "}
                  until <LocalTime iso={sanction.endsAt} options={WHEN} />
                </>
              )}{" "}
              by {sanction.issuer ?? "a former moderator"}: {sanction.reason}
              {sanction.liftedAt && (
                <>
                  {" "}
                  · lifted <LocalTime iso={sanction.liftedAt} options={WHEN} />
                  {sanction.lifter && <> by {sanction.lifter}</>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>Reports against them</h2>
      <ReportList reports={user.reportsAgainst.recent} otherLabel="by" />
      <h2>Reports they made</h2>
      <ReportList reports={user.reportsBy.recent} otherLabel="against" />
    </section>
  );
}
