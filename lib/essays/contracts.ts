import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { serialIdText, textId } from "@/lib/validation";
import type { RevisionComparison } from "./compare-revisions";
import type { RevisionDryRun } from "./dry-run-revision";
import { EDITOR_BODY_BYTES, essayDraftSchema, publishEssaySchema, reviseEssaySchema, setEssayPublishedSchema } from "./editor-schemas";
import type { RevisionSummary } from "./list-essay-revisions";
import type { ImportPreview } from "./preview-essay-import";
import type { PublishedEssay } from "./publish-essay";
import type { RevisedEssay } from "./revise-essay";

const essayParams = z.object({ essayId: textId("That essay does not exist.") });
const editor = { role: "EDITOR" } as const;

/** Runs the importer on a draft without storing anything: the essay as it would appear and every line it dropped, with why. */
export const previewEssay = defineOperation({
  name: "preview essay import",
  method: "POST",
  path: "/api/editor/preview",
  guard: editor,
  body: essayDraftSchema,
  maxBodyBytes: EDITOR_BODY_BYTES,
  response: returns<{ preview: ImportPreview }>(),
});

/** Publishes a new essay from a draft. */
export const publishEssay = defineOperation({
  name: "publish essay",
  method: "POST",
  path: "/api/editor/essays",
  guard: editor,
  body: publishEssaySchema,
  status: 201,
  maxBodyBytes: EDITOR_BODY_BYTES,
  response: returns<{ essay: PublishedEssay }>(),
});

/** What publishing a draft as the essay's next revision would do to its highlights and threads, without doing it. */
export const dryRunRevision = defineOperation({
  name: "dry-run essay revision",
  method: "POST",
  path: "/api/editor/essays/:essayId/dry-run",
  guard: editor,
  params: essayParams,
  body: essayDraftSchema,
  maxBodyBytes: EDITOR_BODY_BYTES,
  response: returns<{ dryRun: RevisionDryRun }>(),
});

/** Publishes a draft as the essay's next revision, re-anchoring its highlights and telling readers whose passages changed. */
export const reviseEssay = defineOperation({
  name: "revise essay",
  method: "POST",
  path: "/api/editor/essays/:essayId/revisions",
  guard: editor,
  params: essayParams,
  body: reviseEssaySchema,
  status: 201,
  maxBodyBytes: EDITOR_BODY_BYTES,
  response: returns<{ revision: RevisedEssay }>(),
});

/** Unpublishes an essay, or publishes it again. */
export const setEssayPublished = defineOperation({
  name: "set essay published",
  method: "PATCH",
  path: "/api/editor/essays/:essayId",
  guard: editor,
  params: essayParams,
  body: setEssayPublishedSchema,
  response: returns<{ slug: string; published: boolean }>(),
});

/** An essay's revisions, newest first: readable by everyone. */
export const listEssayRevisions = defineOperation({
  name: "list essay revisions",
  method: "GET",
  path: "/api/essays/:essayId/revisions",
  guard: "public",
  params: essayParams,
  response: returns<{ revisions: RevisionSummary[] }>(),
});

/** The word-level diff between two revisions of an essay. */
export const compareRevisions = defineOperation({
  name: "compare essay revisions",
  method: "GET",
  path: "/api/essays/:essayId/revisions/compare",
  guard: "public",
  params: essayParams,
  query: z.object({ from: serialIdText("There is no such revision."), to: serialIdText("There is no such revision.") }),
  response: returns<{ comparison: RevisionComparison }>(),
});
