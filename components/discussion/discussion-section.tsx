"use client";

import { callOperation } from "@/components/api-client";
import * as commentOps from "@/lib/comments/contracts.browser";
import type { DiscussionOverview, DiscussionPage } from "@/lib/comments/view";
import { use, useCallback, useEffect, useState } from "react";
import { DeferredDiscussion } from "./deferred-discussion";
import { Discussion } from "./discussion";
import { useLiveThreadCounts } from "./use-live-thread-counts";

interface Props {
  essayId: string;
  slug: string;
  signedIn: boolean;
  commentsOpen: boolean;
  lastEventId: number;
}

/**
 * The discussion under the essay: the general discussion, and the threads on
 * its passages (whose first page loads when their tab is first opened). Its
 * first screen is streamed with the page after the article (`first`), so it
 * costs the article's first byte nothing and needs no request of its own;
 * if that read failed on the server, the browser asks again.
 */
export function DiscussionSection({ first, ...props }: Props & { first: Promise<DiscussionOverview | null> }) {
  const streamed = use(first);
  const [overview, setOverview] = useState(streamed);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (overview) return;
    let live = true;
    callOperation(commentOps.getDiscussion, { params: { essayId: props.essayId } }).then(
      (loaded) => live && setOverview(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [overview, props.essayId]);

  if (!overview) return <DiscussionPlaceholder failed={failed} />;
  return <LoadedDiscussionSection {...props} general={overview.general} passageThreads={overview.passageThreads} />;
}

/** The discussion's place on the page while its first screen is on the way, or after it failed. */
export function DiscussionPlaceholder({ failed = false }: { failed?: boolean }) {
  return (
    <section className="discussion-section" id="discussion" aria-busy={!failed}>
      <h2>Discussion</h2>
      {failed ? <p className="form-message form-message--error">The discussion could not be loaded. Reload the page to try again.</p> : <p className="discussion__loading">Loading the discussion…</p>}
    </section>
  );
}

function LoadedDiscussionSection({ essayId, slug, signedIn, commentsOpen, general, passageThreads, lastEventId }: Props & { general: DiscussionPage; passageThreads: number }) {
  const [tab, setTab] = useState<"general" | "passages">("general");
  const [passagesOpened, setPassagesOpened] = useState(false);
  const [counts, atLeast] = useLiveThreadCounts(
    essayId,
    lastEventId,
    { general: general.threads, passages: passageThreads },
    general.comments.map((comment) => comment.id),
  );
  const countGeneral = useCallback((shown: number) => atLeast("general", shown), [atLeast]);
  const countPassages = useCallback((shown: number) => atLeast("passages", shown), [atLeast]);
  const openPassages = () => {
    setTab("passages");
    setPassagesOpened(true);
  };
  const signInHref = `/signin?callbackUrl=${encodeURIComponent(`/essays/${slug}#discussion`)}`;
  return (
    <section className="discussion-section" id="discussion" aria-labelledby="discussion-heading">
      <h2 id="discussion-heading">Discussion</h2>
      <div className="discussion-tabs" role="tablist" aria-label="Discussion">
        <button type="button" role="tab" id="tab-general" aria-controls="panel-general" aria-selected={tab === "general"} onClick={() => setTab("general")}>
          General discussion <span className="discussion-tabs__count">{counts.general}</span>
        </button>
        <button type="button" role="tab" id="tab-passages" aria-controls="panel-passages" aria-selected={tab === "passages"} onClick={openPassages}>
          On passages <span className="discussion-tabs__count">{counts.passages}</span>
        </button>
      </div>
      <div role="tabpanel" id="panel-general" aria-labelledby="tab-general" hidden={tab !== "general"}>
        <Discussion
          essayId={essayId}
          slug={slug}
          signedIn={signedIn}
          commentsOpen={commentsOpen}
          scope={{ kind: "general" }}
          initial={general.comments}
          nextCursor={general.nextCursor}
          lastEventId={lastEventId}
          signInHref={signInHref}
          sortOptions={["top", "new", "old"]}
          composerLabel="Comment on the essay as a whole"
          emptyText="No comments yet. Start the discussion."
          onThreadCount={countGeneral}
        />
      </div>
      <div role="tabpanel" id="panel-passages" aria-labelledby="tab-passages" hidden={tab !== "passages"}>
        {passagesOpened && (
          <DeferredDiscussion
            essayId={essayId}
            slug={slug}
            signedIn={signedIn}
            commentsOpen={commentsOpen}
            scope={{ kind: "passages" }}
            lastEventId={lastEventId}
            signInHref={signInHref}
            sortOptions={["position", "top", "new", "old"]}
            composerLabel={null}
            emptyText="No passage has a discussion yet. Select words in the essay and choose Comment."
            onThreadCount={countPassages}
          />
        )}
      </div>
    </section>
  );
}
