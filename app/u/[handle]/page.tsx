import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Avatar } from "@/components/account/avatar";
import { publicProfile } from "@/lib/auth/account-queries";

const loadProfile = cache(publicProfile);

type Params = Promise<{ handle: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const profile = await loadProfile((await params).handle);
  return { title: profile ? `${profile.name} (@${profile.handle})` : "Reader not found" };
}

export default async function ProfilePage({ params }: { params: Params }) {
  const profile = await loadProfile((await params).handle);
  if (!profile) notFound();
  const joined = profile.createdAt.toLocaleDateString("en-GB", { month: "long", year: "numeric" });
  return (
    <section className="profile-page">
      <header className="profile-page__header">
        <Avatar name={profile.name} handle={profile.handle} size={64} />
        <div>
          <h1>{profile.name}</h1>
          <p className="profile-page__meta">
            @{profile.handle} · reading since {joined}
          </p>
        </div>
      </header>
      {profile.highlights.length === 0 && profile.comments.length === 0 && <p className="empty-state">No public highlights or comments yet.</p>}
      {profile.comments.length > 0 && (
        <>
          <h2>Comments</h2>
          <ol className="profile-comments">
            {profile.comments.map((comment) => (
              <li key={comment.id} className="profile-comment">
                {comment.highlight && <blockquote>{comment.highlight.exact}</blockquote>}
                {/* bodyHtml was rendered and sanitised when the comment was written (lib/markdown/render.ts). */}
                <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
                <p className="profile-highlight__source">
                  <Link href={`/essays/${comment.essay.slug}/comments/${comment.id}#c-${comment.id}`}>
                    <time dateTime={comment.createdAt.toISOString()}>{comment.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</time>
                  </Link>{" "}
                  in <Link href={`/essays/${comment.essay.slug}`}>{comment.essay.currentRevision?.title}</Link>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {profile.highlights.length > 0 && (
        <>
          <h2>Public highlights</h2>
          <ol className="profile-highlights">
            {profile.highlights.map((highlight) => (
              <li key={highlight.id} className={`profile-highlight profile-highlight--${highlight.colour.toLowerCase()}`}>
                <blockquote>{highlight.exact}</blockquote>
                {highlight.note && !highlight.noteHiddenAt && <p className="profile-highlight__note">{highlight.note}</p>}
                <p className="profile-highlight__source">
                  in <Link href={`/essays/${highlight.essay.slug}${highlight.status === "ANCHORED" ? `#hl-${highlight.id}` : ""}`}>{highlight.essay.currentRevision?.title}</Link>
                  {highlight.status === "ORPHANED" && " (its passage has since changed)"}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
