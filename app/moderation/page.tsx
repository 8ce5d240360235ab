import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AuditLinkText } from "@/components/moderation/audit-link-text";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { QueueBoard } from "@/components/moderation/queue-board";
import { AppealBoard } from "@/components/moderation/appeal-board";
import { loadAppealCards } from "@/lib/moderation/appeal-queue";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { loadQueue, queueCounts } from "@/lib/moderation/queue";
import { siteSettings } from "@/lib/moderation/settings";
import { QUEUE_TABS, type QueueTab } from "@/lib/moderation/schemas";
import { LocalTime } from "@/components/ui/local-time";
import { HeatingUp } from "@/components/moderation/heating-up";

export const metadata: Metadata = { title: "Moderation" };
export const dynamic = "force-dynamic";

const TAB_LABELS: Record<QueueTab, string> = { reported: "Reported", held: "Held", hidden: "Hidden", appeals: "Appeals", actioned: "Recently actioned" };
const EMPTY: Record<QueueTab, string> = {
  reported: "No open reports. Nothing needs you here.",
  held: "No comments are waiting for review.",
  hidden: "Nothing is hidden.",
  appeals: "No appeals are waiting.",
  actioned: "No moderation actions yet.",
};

/** The review queue for moderators and admins. */
export default async function ModerationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "MODERATOR")) return <StaffOnly signedIn={viewer !== null} role="moderators" returnTo="/moderation" />;
  const tab = z
    .enum(QUEUE_TABS)
    .catch("reported")
    .parse((await searchParams).tab);
  const [{ cards, actions }, counts, settings] = await Promise.all([tab === "appeals" ? { cards: [], actions: [] } : loadQueue(viewer, tab), queueCounts(viewer), siteSettings()]);
  const cannedReasons = [
    { label: "Hiding", reasons: settings.cannedHideReasons },
    { label: "Suspending or banning", reasons: settings.cannedSanctionReasons },
  ];
  return (
    <section className="moderation-page">
      <ModerationNav isAdmin={hasRole(viewer, "ADMIN")} current="queue" />
      <h1>Review queue</h1>
      <HeatingUp />
      <nav className="queue-tabs" aria-label="Queue">
        {QUEUE_TABS.map((name) => (
          <Link key={name} href={`/moderation?tab=${name}`} aria-current={name === tab ? "page" : undefined}>
            {TAB_LABELS[name]}
            {name !== "actioned" && <span className="discussion-tabs__count">{counts[name]}</span>}
          </Link>
        ))}
      </nav>
      {tab === "appeals" ? (
        <AppealBoard cards={await loadAppealCards(viewer)} emptyText={EMPTY.appeals} />
      ) : tab === "actioned" ? (
        actions.length === 0 ? (
          <p className="empty-state">{EMPTY.actioned}</p>
        ) : (
          <ol className="action-list">
            {actions.map((entry) => (
              <li key={entry.id}>
                <LocalTime iso={entry.at} options={{ day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }} />{" "}
                <strong>
                  <AuditLinkText link={entry.actorLink} />
                </strong>{" "}
                {entry.action.replace(/-/g, " ")} <AuditLinkText link={entry.targetLink} />
                {entry.reason ? `: ${entry.reason}` : ""}
              </li>
            ))}
          </ol>
        )
      ) : (
        <QueueBoard cards={cards} isAdmin={hasRole(viewer, "ADMIN")} emptyText={EMPTY[tab]} cannedReasons={cannedReasons} />
      )}
    </section>
  );
}
