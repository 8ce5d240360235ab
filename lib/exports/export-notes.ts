import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { publicOrigin } from "@/lib/http/public-origin";
import type { HighlightFilters } from "@/lib/notebook/schemas";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { annotationCollectionChunks } from "./annotation-collection";
import { attachment } from "./attachment";
import type { EXPORT_FORMATS } from "./contracts";
import { toCsv } from "./csv";
import { isoDay } from "./items";
import { loadExportItems } from "./load-export-items";
import { toMarkdown } from "./markdown";

type Format = (typeof EXPORT_FORMATS)[number];

const FILES: Record<Format, { contentType: string; extension: string }> = {
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  jsonld: { contentType: "application/ld+json", extension: "jsonld" },
};

/**
 * The viewer's own highlights, notes and comments (loadExportItems: never
 * anyone else's, never deleted ones) in `format`, as a download named after
 * the reader, the essay when the export is of one, and the day. Thirty
 * exports per ten minutes per reader.
 */
export async function exportNotes(viewer: Viewer, request: Request, format: Format, filters: HighlightFilters): Promise<Response> {
  await consume([{ rule: LIMITS.notesExportsPerUser, key: viewer.id }]);
  const items = await loadExportItems(viewer.id, filters);
  const origin = publicOrigin(request);
  const now = new Date();
  const filename = `glossa-${filters.essay ?? "notes"}-${viewer.handle}-${isoDay(now)}.${FILES[format].extension}`;
  let body: string | Iterable<string>;
  if (format === "markdown") body = toMarkdown(items, origin, now);
  else if (format === "csv") body = toCsv(items, origin);
  else {
    // The collection is named by the address it was exported from (filters included), on the public origin.
    const url = new URL(request.url);
    const label = `Highlights and comments of @${viewer.handle} on Glossa${filters.essay ? ` (${filters.essay})` : ""}`;
    body = annotationCollectionChunks(items, origin, `${origin}${url.pathname}${url.search}`, label);
  }
  return attachment(body, FILES[format].contentType, filename);
}
