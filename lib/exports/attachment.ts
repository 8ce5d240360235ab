import "server-only";

/**
 * A file download: `Content-Disposition: attachment` with its name, the
 * content type as given, and no caching anywhere (it is one reader's own
 * data). `filename` must be plain ASCII without quotes (callers build it
 * from slugs, handles and dates).
 */
export function attachment(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
