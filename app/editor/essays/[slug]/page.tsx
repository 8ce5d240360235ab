import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "@/app/editor.css";
import { EssayDraftForm } from "@/components/editor/essay-draft-form";
import { StaffOnly } from "@/components/moderation/staff-gate";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import type { EssayBlock } from "@/lib/essays/document";

export const metadata: Metadata = { title: "Revise essay" };
export const dynamic = "force-dynamic";

/** Revising one essay: edit it block by block, or import a new version; check what happens to readers' highlights; publish. */
export default async function ReviseEssayPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "EDITOR")) return <StaffOnly signedIn={viewer !== null} role="editors" returnTo={`/editor/essays/${slug}`} />;
  const essay = await db.essay.findUnique({
    where: { slug },
    select: { id: true, slug: true, unpublishedAt: true, currentRevision: { select: { number: true, title: true, dek: true, byline: true, attribution: true, blocks: true } } },
  });
  const revision = essay?.currentRevision;
  if (!essay || !revision) notFound();
  const current = {
    title: revision.title,
    dek: revision.dek,
    byline: revision.byline,
    attribution: revision.attribution,
    blocks: (revision.blocks as unknown as EssayBlock[]).map(({ kind, text }) => ({ kind, text })),
  };
  return (
    <section className="moderation-page editor-page">
      <p>
        <Link href="/editor">← Editor</Link>
      </p>
      <h1>Revise “{revision.title}”</h1>
      <p className="settings-hint">Revision {revision.number} is published. A new revision keeps every highlight and discussion: check what it does to them before you publish.</p>
      <EssayDraftForm essay={{ id: essay.id, slug: essay.slug, current, revision: revision.number }} />
    </section>
  );
}
