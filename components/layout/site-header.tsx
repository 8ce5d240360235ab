import Link from "next/link";
import { Avatar } from "@/components/account/avatar";
import { EmailConfirmBanner } from "@/components/account/email-confirm-banner";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { HeaderSearch } from "@/components/search/header-search";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { unreadCount } from "@/lib/notifications/notifications";

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
              {hasRole(viewer, "EDITOR") && <Link href="/editor">Editor</Link>}
              {hasRole(viewer, "MODERATOR") && <Link href="/moderation">Moderation</Link>}
              <Link href="/notebook">Notebook</Link>
              <Link href="/settings">Settings</Link>
              <SignOutButton />
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
      {viewer?.standing === "SUSPENDED" && viewer.suspendedUntil && viewer.suspendedUntil > new Date() && (
        <p className="standing-banner" role="status">
          Your account is suspended until <LocalTime iso={viewer.suspendedUntil.toISOString()} />. You can read, but not highlight, comment or report until then.
        </p>
      )}
    </header>
  );
}
