"use client";

import { useEffect, useState } from "react";
import type { CommentView } from "@/lib/comments/view";
import { Discussion } from "./discussion";
import { discussionApi } from "./discussion-api";

interface Props {
  essayId: string;
  slug: string;
  highlightId: string;
  signedIn: boolean;
  commentsOpen: boolean;
  lastEventId: number;
}

/** The threads on one highlighted passage, loaded when its panel opens. */
export function PassageDiscussion({ essayId, slug, highlightId, signedIn, commentsOpen, lastEventId }: Props) {
  const [page, setPage] = useState<{ comments: CommentView[]; nextCursor: number | null } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    discussionApi.page(essayId, "old", highlightId).then(
      (loaded) => live && setPage(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [essayId, highlightId]);

  if (failed) return <p className="form-message form-message--error">The discussion could not be loaded.</p>;
  if (!page) return <p className="discussion__loading">Loading the discussion…</p>;
  return (
    <Discussion
      essayId={essayId}
      slug={slug}
      signedIn={signedIn}
      commentsOpen={commentsOpen}
      scope={{ kind: "passage", highlightId }}
      initial={page.comments}
      nextCursor={page.nextCursor}
      lastEventId={lastEventId}
      signInHref={`/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}#hl-${highlightId}`)}`}
      sortOptions={["old", "top", "new"]}
      composerLabel="Comment on this passage"
      emptyText="No discussion of this passage yet."
    />
  );
}
