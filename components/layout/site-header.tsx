import Link from "next/link";
import { Avatar } from "@/components/account/avatar";
import { EmailConfirmBanner } from "@/components/account/email-confirm-banner";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { HeaderSearch } from "@/components/search/header-search";
import { LocalTime } from "@/components/ui/local-time";
import { loadSanctionNotice } from "@/lib/appeals/sanction-notice";
import { bannedSessionOfPage } from "@/lib/auth/sanctioned-reader";
import { getViewer, hasRole, type Viewer } from "@/lib/auth/viewer";
import { unreadCount } from "@/lib/notifications/notifications";

/** The account's text links: the roles' workspaces, settings, signing out. */
function AccountLinks({ viewer }: { viewer: Viewer }) {
  return (
    <>
      {hasRole(viewer, "EDITOR") && <Link href="/editor">Editor</Link>}
      {hasRole(viewer, "MODERATOR") && <Link href="/moderation">Moderation</Link>}
      <Link href="/settings">Settings</Link>
      <SignOutButton />
    </>
  );
}

/** A suspended reader's banner: until when, the moderators' reason, and where to read the notice and appeal. */
async function SuspensionBanner({ userId, until }: { userId: string; until: Date }) {
  const notice = await loadSanctionNotice({ userId, standing: "SUSPENDED" });
  return (
    <p className="standing-banner" role="status">
      Your account is suspended until <LocalTime iso={until.toISOString()} />
      {notice ? `. Reason: ${notice.reason}` : ""}. You can read, but not highlight, comment or report until then. <Link href="/sanction">Read the notice or appeal</Link>
    </p>
  );
}

export async function SiteHeader() {
  const viewer = await getViewer();
  const unread = viewer ? await unreadCount(viewer.id) : 0;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="wordmark" aria-label="Glossa, home">
          Glossa
        </Link>
        <nav aria-label="Site" className="site-nav">
          <Link href="/">Essays</Link>
        </nav>
        <HeaderSearch />
        <nav aria-label="Account" className="account-nav">
          {viewer ? (
            <>
              {/* Named in full: on a phone the handle is hidden and the avatar is decoration, which left the link with no name. */}
              <Link href={`/u/${viewer.handle}`} className="account-nav__me" data-testid="signed-in-as" aria-label={`Your profile, @${viewer.handle}`}>
                <Avatar name={viewer.name} handle={viewer.handle} size={28} />
                <span className="account-nav__handle">@{viewer.handle}</span>
              </Link>
              <NotificationBell initialUnread={unread} />
              {/* An icon on phones (the label is then for screen readers only), as the bell: the header has no room for another word there. */}
              <Link href="/notebook" className="account-nav__notebook">
                <svg
                  className="account-nav__icon"
                  width="18"
                  height="18"
                  viewBox="0 0 24 24"
                  aria-hidden="true"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.8"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                >
                  <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H19v16H6.5A1.5 1.5 0 0 0 5 20.5v-16Z" />
                  <path d="M5 20.5A1.5 1.5 0 0 0 6.5 22H19v-3M9 7h6M9 10.5h6" />
                </svg>
                <span className="account-nav__label">Notebook</span>
              </Link>
              {/* On a phone the words give way to a menu: an admin's Editor, Moderation, Settings and Sign out ran 140 px past a 390 px screen. */}
              <span className="account-nav__links">
                <AccountLinks viewer={viewer} />
              </span>
              <details className="account-menu">
                <summary aria-label="Menu">
                  <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                    <path d="M4 7h16M4 12h16M4 17h16" />
                  </svg>
                </summary>
                <div className="account-menu__panel">
                  <AccountLinks viewer={viewer} />
                </div>
              </details>
            </>
          ) : (
            <>
              <Link href="/signin">Sign in</Link>
              <Link href="/signup" className="account-nav__join">
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
      {viewer && !viewer.emailVerified && <EmailConfirmBanner userId={viewer.id} />}
      {viewer?.standing === "SUSPENDED" && viewer.suspendedUntil && viewer.suspendedUntil > new Date() && <SuspensionBanner userId={viewer.id} until={viewer.suspendedUntil} />}
      {!viewer && (await bannedSessionOfPage()) && (
        <p className="standing-banner" role="status">
          Your account is banned. <Link href="/signin">Sign in to read why and to appeal</Link>.
        </p>
      )}
    </header>
  );
}
