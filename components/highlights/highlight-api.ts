import { callApi } from "@/components/api-client";
import type { HighlightColourName } from "@/lib/highlights/colours";
import type { HighlightView } from "@/lib/highlights/view";

export interface NewHighlight {
  revisionId: string;
  start: number;
  end: number;
  exact: string;
  colour: HighlightColourName;
  note: string | null;
  visibility: "private" | "public";
}

export type HighlightPatch = Partial<Pick<NewHighlight, "colour" | "note" | "visibility">>;

/** Browser-side calls to the highlight endpoints. */
export const highlightApi = {
  list: (essayId: string) => callApi<{ highlights: HighlightView[] }>(`/api/essays/${essayId}/highlights`, { method: "GET" }),
  create: (essayId: string, input: NewHighlight) => callApi<{ highlight: HighlightView }>(`/api/essays/${essayId}/highlights`, { method: "POST", body: input }),
  update: (id: string, patch: HighlightPatch) => callApi<{ highlight: HighlightView }>(`/api/highlights/${id}`, { method: "PATCH", body: patch }),
  remove: (id: string) => callApi<void>(`/api/highlights/${id}`, { method: "DELETE" }),
  restore: (id: string) => callApi<{ highlight: HighlightView }>(`/api/highlights/${id}/restore`, { method: "POST" }),
};
