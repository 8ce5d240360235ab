import { callApi } from "@/components/api-client";
import type { DiscussionSort } from "@/lib/comments/schemas";
import type { CommentView } from "@/lib/comments/view";

export interface NewComment {
  body: string;
  parentId?: number;
  highlightId?: string;
  passage?: { revisionId: string; start: number; end: number; exact: string; colour: string };
}

/** A page of threads with their first replies. */
export interface DiscussionPage {
  comments: CommentView[];
  threads: number;
  nextCursor: number | null;
}

/** Browser-side calls to the discussion endpoints. */
export const discussionApi = {
  overview: (essayId: string) => callApi<{ general: DiscussionPage; passageThreads: number }>(`/api/essays/${essayId}/discussion`, { method: "GET" }),
  page: (essayId: string, sort: DiscussionSort, highlightId: string | null, cursor = 0) =>
    callApi<DiscussionPage>(
      `/api/essays/${essayId}/comments?sort=${sort}&cursor=${cursor}${highlightId ? `&highlightId=${encodeURIComponent(highlightId)}` : ""}`,
      { method: "GET" },
    ),
  thread: (rootId: number, from?: number) => callApi<{ comments: CommentView[] }>(`/api/threads/${rootId}${from ? `?from=${from}` : ""}`, { method: "GET" }),
  one: (id: number) => callApi<{ comment: CommentView }>(`/api/comments/${id}`, { method: "GET" }),
  create: (essayId: string, input: NewComment) => callApi<{ comment: CommentView }>(`/api/essays/${essayId}/comments`, { method: "POST", body: input }),
  edit: (id: number, body: string) => callApi<{ comment: CommentView }>(`/api/comments/${id}`, { method: "PATCH", body: { body } }),
  remove: (id: number) => callApi<void>(`/api/comments/${id}`, { method: "DELETE" }),
  vote: (id: number) => callApi<{ voted: boolean; upvotes: number }>(`/api/comments/${id}/vote`, { method: "POST" }),
  preview: (body: string) => callApi<{ html: string }>("/api/markdown", { method: "POST", body: { body } }),
};
