import * as z from "zod/mini";
import { defineOperation, returns, type StreamResponse } from "@/lib/http/contract";
import { highlightFilterFields } from "@/lib/notebook/schemas";

/** The formats of a notes export. */
export const EXPORT_FORMATS = ["markdown", "csv", "jsonld"] as const;

/**
 * The reader's highlights and notes, and their comments, as a file to
 * download: Markdown (for Obsidian), CSV or W3C Web Annotation JSON-LD.
 * Filtered as the notebook is (`essay` for one essay's); a suspended reader
 * may still take their notes with them.
 */
export const exportMyNotes = defineOperation({
  name: "export my notes",
  method: "GET",
  path: "/api/exports/notes",
  guard: "member",
  query: z.object({ format: z.enum(EXPORT_FORMATS, { error: `Choose a format: ${EXPORT_FORMATS.join(", ")}.` }), ...highlightFilterFields }),
  response: returns<StreamResponse>(),
});

/** Everything Glossa keeps about the reader, as one JSON file to download (a few times an hour). */
export const exportMyAccount = defineOperation({
  name: "export my account",
  method: "GET",
  path: "/api/account/export",
  guard: "member",
  response: returns<StreamResponse>(),
});
