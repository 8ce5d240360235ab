import type { Metadata } from "next";
import Link from "next/link";
import "@/app/editor.css";
import { EssayDraftForm } from "@/components/editor/essay-draft-form";
import { PublishToggle } from "@/components/editor/publish-toggle";
import { PublicHighlightsToggle } from "@/components/passages/public-highlights-toggle";
import { StaffOnly } from "@/components/moderation/staff-gate";
import { LocalTime } from "@/components/ui/local-time";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { listEssaysForEditors } from "@/lib/essays/list-essays-for-editors";

export const metadata: Metadata = { title: "Editor" };
export const dynamic = "force-dynamic";

/** Editors' desk: every essay (unpublished ones too), and a new essay from a page, a file or pasted text. */
export default async function EditorPage() {
  const viewer = await getViewer();
  if (!viewer || !hasRole(viewer, "EDITOR")) return <StaffOnly signedIn={viewer !== null} role="editors" returnTo="/editor" />;
  const essays = await listEssaysForEditors();
  return (
    <section className="moderation-page editor-page">
      <h1>Editor</h1>
      <h2>Essays</h2>
      <ul className="editor-essays">
        {essays.map((essay) => (
          <li key={essay.id} className="editor-essay">
            <div>
              <p className="editor-essay__title">
                {essay.published ? <Link href={`/essays/${essay.slug}`}>{essay.title}</Link> : essay.title}
                {!essay.published && <span className="chip"> Unpublished</span>}
              </p>
              <p className="settings-hint">
                /essays/{essay.slug} · revision {essay.revisions} · <LocalTime iso={essay.revisedAt} />
              </p>
            </div>
            <div className="editor-essay__actions">
              <Link className="button button--small" href={`/editor/essays/${essay.slug}`}>
                Revise
              </Link>
              {essay.revisions > 1 && essay.published && <Link href={`/essays/${essay.slug}/revisions`}>History</Link>}
              <PublishToggle essayId={essay.id} title={essay.title} published={essay.published} />
              <PublicHighlightsToggle essayId={essay.id} title={essay.title} open={essay.publicHighlightsOpen} />
            </div>
          </li>
        ))}
      </ul>
      <h2>New essay</h2>
      <EssayDraftForm essay={null} />
    </section>
  );
}
