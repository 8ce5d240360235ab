import Link from "next/link";
import { signInHref } from "@/lib/auth/return-url";

/** What a page for moderators shows everyone else. The data behind it is refused by lib/moderation itself. */
export function StaffOnly({ signedIn, role, returnTo }: { signedIn: boolean; role: "editors" | "moderators" | "admins"; returnTo: string }) {
  return (
    <section className="moderation-page">
      <h1>For {role} only</h1>
      {signedIn ? (
        <p>This page is for Glossa&apos;s {role}.</p>
      ) : (
        <p>
          <Link href={signInHref(returnTo)}>Sign in</Link> with {role === "admins" ? "an admin" : role === "editors" ? "an editor's" : "a moderator"} account to see this page.
        </p>
      )}
    </section>
  );
}

/** The moderation area's navigation. */
export function ModerationNav({ isAdmin, current }: { isAdmin: boolean; current: "queue" | "users" | "settings" | "audit" | "mail" }) {
  const links = [
    { key: "queue", href: "/moderation", label: "Review queue" },
    { key: "users", href: "/moderation/users", label: "Readers" },
    { key: "settings", href: "/moderation/settings", label: isAdmin ? "Essays, rules and roles" : "Essays" },
    ...(isAdmin
      ? [
          { key: "audit", href: "/moderation/audit", label: "Audit log" },
          { key: "mail", href: "/moderation/mail", label: "Mail" },
        ]
      : []),
  ];
  return (
    <nav className="moderation-nav" aria-label="Moderation">
      {links.map((link) => (
        <Link key={link.key} href={link.href} aria-current={link.key === current ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
