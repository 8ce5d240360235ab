"use client";

import { callOperation } from "@/components/api-client";
import * as commentOps from "@/lib/comments/contracts.browser";
import { useEffect, useState } from "react";
import type { CommentView } from "@/lib/comments/view";
import { Discussion, type DiscussionProps } from "./discussion";

type Props = Omit<DiscussionProps, "initial" | "nextCursor" | "scope"> & { scope: Extract<DiscussionProps["scope"], { kind: "passage" | "passages" }> };

/**
 * A discussion whose first page loads in the browser when it is first shown
 * (a passage's panel, the "On passages" tab), so the essay page's server
 * render does not wait for it.
 */
export function DeferredDiscussion(props: Props) {
  const [page, setPage] = useState<{ comments: CommentView[]; nextCursor: number | null } | null>(null);
  const [failed, setFailed] = useState(false);
  const highlightId = props.scope.kind === "passage" ? props.scope.highlightId : "*";
  const sort = props.sortOptions[0] ?? "old";

  useEffect(() => {
    let live = true;
    callOperation(commentOps.listComments, { params: { essayId: props.essayId }, query: { sort, highlightId: highlightId ?? undefined } }).then(
      (loaded) => live && setPage(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [props.essayId, sort, highlightId]);

  if (failed) return <p className="form-message form-message--error">The discussion could not be loaded. Reload the page to try again.</p>;
  if (!page) return <p className="discussion__loading">Loading the discussion…</p>;
  return <Discussion {...props} initial={page.comments} nextCursor={page.nextCursor} />;
}
