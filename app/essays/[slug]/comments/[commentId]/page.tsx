import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Discussion } from "@/components/discussion/discussion";
import { EssayModerationTools } from "@/components/moderation/inline/essay-moderation-tools";
import { getViewer } from "@/lib/auth/viewer";
import { ancestorAt, loadComment, loadThread } from "@/lib/comments/queries";
import { MAX_VISIBLE_DEPTH } from "@/lib/comments/tree";
import { getEssayForReading } from "@/lib/essays/queries";
import { latestEventId } from "@/lib/live/events";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string; commentId: string }>;
type SearchParams = Promise<{ from?: string | string[] }>;

// The title and the page read the same essay and comment: once per request.
const essayFor = cache(getEssayForReading);
const commentFor = cache(loadComment);

/** "Comment by @ann on <essay title>": a tab, a bookmark or a shared link says whose comment on what. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, commentId } = await params;
  const id = Number(commentId);
  const essay = await essayFor(slug);
  if (!essay || !Number.isInteger(id) || id <= 0) return { title: "Page not found" };
  const viewer = await getViewer();
  const comment = await commentFor(id, viewer?.id ?? null);
  if (!comment) return { title: "Page not found" };
  return { title: comment.author ? `Comment by @${comment.author.handle} on ${essay.title}` : `Comment on ${essay.title}` };
}

/**
 * A comment's permalink: its thread, with the comment marked and scrolled to
 * (#c-<id>). A comment deeper than the nesting shown on the essay page opens
 * its own subtree. ?from=<id> opens the subtree under that ancestor (or the
 * comment itself) instead: "Continue this thread" links there, so the
 * replies it promises are the first thing shown, and the way back is the
 * view one nesting level up, with the same comment marked.
 */
export default async function CommentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug, commentId }, { from }] = await Promise.all([params, searchParams]);
  const id = Number(commentId);
  const essay = await essayFor(slug);
  if (!essay || !Number.isInteger(id) || id <= 0) notFound();
  const viewer = await getViewer();
  const comment = await commentFor(id, viewer?.id ?? null);
  if (!comment) notFound();
  const fromId = typeof from === "string" && /^[1-9]\d{0,8}$/.test(from) ? Number(from) : null;
  const lastEventId = await latestEventId(essay.id);
  let thread = fromId === null ? [] : await loadThread(comment.rootId, viewer?.id ?? null, fromId);
  // A ?from= that is not this comment's ancestor (or that it may not see) falls back to the usual view.
  let top = thread.some((candidate) => candidate.id === id) ? fromId : null;
  if (top === null) {
    top = comment.depth >= MAX_VISIBLE_DEPTH ? id : null;
    thread = await loadThread(comment.rootId, viewer?.id ?? null, top ?? undefined);
  }
  const topComment = top === null ? null : thread.find((candidate) => candidate.id === top);
  const deep = top !== null && top !== comment.rootId;
  // Back: the view whose deepest shown level holds this subtree's top comment.
  const backFrom = deep && topComment ? await ancestorAt(top!, Math.max(0, topComment.depth - (MAX_VISIBLE_DEPTH - 1))) : null;
  const backHref = backFrom === null || backFrom === comment.rootId ? `/essays/${slug}/comments/${top}` : `/essays/${slug}/comments/${top}?from=${backFrom}`;
  const root = thread.find((candidate) => candidate.id === comment.rootId);
  return (
    <section className="permalink-page">
      <p className="permalink-page__back">
        <Link href={`/essays/${slug}#discussion`}>← {essay.title}</Link>
      </p>
      <h1>{root?.passageQuote ? "Discussion of a passage" : "Discussion"}</h1>
      {root?.passageQuote && <blockquote className="thread__passage">{root.passageQuote}</blockquote>}
      {deep && (
        <p className="permalink-page__context">
          Continuing a thread. <Link href={backHref}>← Back to the replies above</Link> · <Link href={`/essays/${slug}/comments/${comment.rootId}`}>See the whole thread</Link>
        </p>
      )}
      <Discussion
        // A new view of the thread (another ?from=) is a new discussion, not the last one's state with new props.
        key={`${id}-${top ?? "all"}`}
        essayId={essay.id}
        slug={slug}
        signedIn={viewer !== null}
        commentsOpen={essay.commentsOpen}
        scope={{ kind: "thread", rootId: comment.rootId }}
        initial={thread}
        nextCursor={null}
        lastEventId={lastEventId}
        signInHref={`/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}/comments/${id}`)}`}
        sortOptions={["old", "top", "new"]}
        composerLabel={null}
        emptyText="This thread is empty."
        targetId={id}
      />
      {/* The audit log and the readers' pages link here: a moderator acts in place, as on the essay page. */}
      <EssayModerationTools viewer={viewer} essayId={essay.id} />
    </section>
  );
}
