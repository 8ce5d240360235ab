import Link from "next/link";
import type { AuditLink } from "@/lib/moderation/audit-links";

/** An audit entry's actor or target: a link while it still exists, its label alone after. */
export function AuditLinkText({ link }: { link: AuditLink }) {
  return link.href ? <Link href={link.href}>{link.label}</Link> : <>{link.label}</>;
}
