import type { Metadata } from "next";
import Link from "next/link";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { browseAuditLog } from "@/lib/moderation/audit-log";
import { AuditLinkText } from "@/components/moderation/audit-link-text";
import { auditQuerySchema } from "@/lib/moderation/schemas";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

/** The fields an action changed, "field: before → after", or the whole state when it is not a record. */
function changes(before: unknown, after: unknown): string[] {
  const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));
  if (!before || !after || typeof before !== "object" || typeof after !== "object") return [`${show(before)} → ${show(after)}`];
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
  return keys.length ? keys.map((key) => `${key}: ${show(was[key])} → ${show(now[key])}`) : ["no change"];
}

/** Every moderator and admin action, newest first, filterable (admins only). */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "ADMIN")) return <StaffOnly signedIn={viewer !== null} role="admins" returnTo="/moderation/audit" />;
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, value]) => typeof value === "string" && value !== ""));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const { entries, nextBefore } = await browseAuditLog(viewer, query);
  const nextHref = nextBefore ? `/moderation/audit?${new URLSearchParams({ ...(raw as Record<string, string>), before: String(nextBefore) })}` : null;
  return (
    <section className="moderation-page">
      <ModerationNav isAdmin current="audit" />
      <h1>Audit log</h1>
      <p className="moderation-page__lede">Append-only: the database refuses to change or delete an entry.</p>
      <form className="audit-filters" method="get">
        <label>
          Moderator <input name="actor" defaultValue={query.actor ?? ""} placeholder="handle" />
        </label>
        <label>
          Action <input name="action" defaultValue={query.action ?? ""} placeholder="hide, ban…" />
        </label>
        <label>
          Target
          <select name="targetType" defaultValue={query.targetType ?? ""}>
            <option value="">any</option>
            <option value="comment">comment</option>
            <option value="note">note</option>
            <option value="user">user</option>
            <option value="essay">essay</option>
            <option value="settings">settings</option>
          </select>
        </label>
        <label>
          Target id <input name="targetId" defaultValue={query.targetId ?? ""} />
        </label>
        <button type="submit" className="button button--small">
          Filter
        </button>
        <Link href="/moderation/audit">Clear</Link>
      </form>
      {!parsed.success && <p className="form-error">Some filters were not valid and were ignored.</p>}
      {entries.length === 0 ? (
        <p className="empty-state">No entries match.</p>
      ) : (
        <div className="audit-table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Target</th>
                <th>Reason</th>
                <th>What changed</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <LocalTime iso={entry.at} />
                  </td>
                  <td>
                    <AuditLinkText link={entry.actorLink} />
                  </td>
                  <td>{entry.action}</td>
                  <td>
                    <AuditLinkText link={entry.targetLink} />
                  </td>
                  <td>{entry.reason}</td>
                  <td className="audit-table__change">
                    {changes(entry.before, entry.after).map((line) => (
                      <code key={line}>{line}</code>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref && (
        <p>
          <Link href={nextHref}>Older entries →</Link>
        </p>
      )}
    </section>
  );
}
