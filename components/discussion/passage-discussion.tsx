"use client";

import { DeferredDiscussion } from "./deferred-discussion";

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
  return (
    <DeferredDiscussion
      essayId={essayId}
      slug={slug}
      signedIn={signedIn}
      commentsOpen={commentsOpen}
      scope={{ kind: "passage", highlightId }}
      lastEventId={lastEventId}
      signInHref={`/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}#hl-${highlightId}`)}`}
      sortOptions={["old", "top", "new"]}
      composerLabel="Comment on this passage"
      emptyText="No discussion of this passage yet."
    />
  );
}
