import type { Metadata } from "next";
import { CannedReasonsForm, EssaySettingsForm, SiteSettingsForm, StaffRoles, TrustRulesForm } from "@/components/moderation/settings-forms";
import { ModerationNav, StaffOnly } from "@/components/moderation/staff-gate";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { siteSettings } from "@/lib/moderation/settings";
import { trustRulesFrom } from "@/lib/moderation/trust";
import { AutoSlowForm } from "@/components/passages/auto-slow-form";
import { EssayPassages } from "@/components/passages/essay-passages";
import { listPassageControls } from "@/lib/passages/list-passage-controls";

export const metadata: Metadata = { title: "Moderation settings" };
export const dynamic = "force-dynamic";

/** Per-essay discussion settings (moderators); rules and roles (admins). */
export default async function ModerationSettingsPage() {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "MODERATOR")) return <StaffOnly signedIn={viewer !== null} role="moderators" returnTo="/moderation/settings" />;
  const isAdmin = hasRole(viewer, "ADMIN");
  const [essays, settings, staff, controls] = await Promise.all([
    db.essay.findMany({
      where: { currentRevisionId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        slug: true,
        commentsOpen: true,
        preModeration: true,
        preModerationThreshold: true,
        slowModeSeconds: true,
        publicHighlightsOpen: true,
        currentRevision: { select: { title: true } },
      },
    }),
    isAdmin ? siteSettings() : null,
    isAdmin ? db.user.findMany({ where: { role: { in: ["MODERATOR", "EDITOR"] }, deletedAt: null }, orderBy: { handle: "asc" }, select: { handle: true, name: true, role: true } }) : [],
    listPassageControls(null),
  ]);
  return (
    <section className="moderation-page">
      <ModerationNav isAdmin={isAdmin} current="settings" />
      <h1>{isAdmin ? "Essays, rules and roles" : "Essays"}</h1>
      <h2>Essays</h2>
      <div className="settings-grid">
        {essays.map((essay) => (
          <EssaySettingsForm key={essay.id} essay={{ ...essay, title: essay.currentRevision?.title ?? essay.slug }} />
        ))}
      </div>
      <h2>Passages and public highlights</h2>
      <div className="settings-grid">
        {essays.map((essay) => (
          <EssayPassages
            key={essay.id}
            essay={{ id: essay.id, slug: essay.slug, title: essay.currentRevision?.title ?? essay.slug, publicHighlightsOpen: essay.publicHighlightsOpen }}
            controls={controls.filter((control) => control.essayId === essay.id)}
          />
        ))}
      </div>
      {settings && (
        <>
          <h2>Automatic slow mode</h2>
          <AutoSlowForm threshold={settings.autoSlowHeatThreshold} seconds={settings.autoSlowSeconds} />
          <h2>Rules for every comment</h2>
          <SiteSettingsForm settings={settings} />
          <h2>Trust levels</h2>
          <TrustRulesForm rules={trustRulesFrom(settings.trustRules)} />
          <h2>Saved reasons</h2>
          <CannedReasonsForm hide={settings.cannedHideReasons} sanction={settings.cannedSanctionReasons} />
          <h2>Moderators</h2>
          <StaffRoles role="moderator" members={staff.filter((member) => member.role === "MODERATOR")} />
          <h2>Editors</h2>
          <StaffRoles role="editor" members={staff.filter((member) => member.role === "EDITOR")} />
        </>
      )}
    </section>
  );
}
