import type { Metadata } from "next";
import Link from "next/link";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { searchUsers } from "@/lib/moderation/search-users";
import "@/components/moderation/moderation-in-context.css";

export const metadata: Metadata = { title: "Readers" };
export const dynamic = "force-dynamic";

/** Finds readers by handle, display name or the start of their email (moderators and admins). */
export default async function ModerationUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "MODERATOR")) return <StaffOnly signedIn={viewer !== null} role="moderators" returnTo="/moderation/users" />;
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.trim().slice(0, 100) : "";
  const users = q ? await searchUsers(viewer, q) : [];
  return (
    <section className="moderation-page">
      <ModerationNav isAdmin={hasRole(viewer, "ADMIN")} current="users" />
      <h1>Readers</h1>
      <form className="user-search" method="get" role="search">
        <label htmlFor="user-search-q">Handle, name or email</label>
        <input id="user-search-q" name="q" type="search" defaultValue={q} placeholder="@handle, a name, or the start of an email" autoComplete="off" />
        <button type="submit" className="button button--small">
          Search
        </button>
      </form>
      {q &&
        (users.length === 0 ? (
          <p className="empty-state">No reader matches “{q}”.</p>
        ) : (
          <div className="audit-table-wrap">
            <table className="audit-table user-results">
              <caption className="visually-hidden">Readers matching “{q}”</caption>
              <thead>
                <tr>
                  <th>Reader</th>
                  <th>Email</th>
                  <th>Standing</th>
                  <th>Comments</th>
                  <th>Joined</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.handle}>
                    <td>
                      <Link href={`/moderation/users/${user.handle}`}>@{user.handle}</Link> {user.name}
                      {user.role !== "READER" && <span className="badge-pill">{user.role.toLowerCase()}</span>}
                    </td>
                    <td data-label="Email">{user.email ?? "—"}</td>
                    <td data-label="Standing">{user.standing.toLowerCase()}</td>
                    <td data-label="Comments">{user.comments}</td>
                    <td data-label="Joined">
                      <LocalTime iso={user.joinedAt} options={{ dateStyle: "medium" }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
