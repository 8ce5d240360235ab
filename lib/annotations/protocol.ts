import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/public-origin";
import { ANNOTATION_CONTEXT, annotationIris, type WebAnnotation } from "./web-annotation";

/**
 * The HTTP side of the W3C Web Annotation Protocol
 * (https://www.w3.org/TR/annotation-protocol/): content negotiation, the
 * Prefer header, ETags, the Link/Allow/Vary headers and the container's
 * paged representation. What is in a container, and who may see it, is
 * decided by the operations beside this file; this only writes it out.
 */

/** The protocol's own media type, and the default. */
export const ANNOTATION_MEDIA_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;

/** The representations Glossa can produce: the same JSON-LD document, labelled either way. */
type MediaType = typeof ANNOTATION_MEDIA_TYPE | "application/json";

/** How many annotations one AnnotationPage holds. */
export const ANNOTATION_PAGE_SIZE = 100;

const LDP = "http://www.w3.org/ns/ldp#";
const OA = "http://www.w3.org/ns/oa#";
const PREFER_MINIMAL = `${LDP}PreferMinimalContainer`;
const PREFER_IRIS = `${OA}PreferContainedIRIs`;
const PREFER_DESCRIPTIONS = `${OA}PreferContainedDescriptions`;

/** The methods each kind of resource answers. */
const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
const PAGE_ALLOW = "GET, HEAD, OPTIONS";

const CONSTRAINED_BY = `<http://www.w3.org/TR/annotation-protocol/>; rel="${LDP}constrainedBy"`;

interface MediaRange {
  type: string;
  subtype: string;
  profile: string | null;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(",")) {
    const [range, ...parameters] = part.split(";").map((piece) => piece.trim());
    const [type, subtype] = (range ?? "").toLowerCase().split("/");
    if (!type || !subtype) continue;
    let q = 1;
    let profile: string | null = null;
    for (const parameter of parameters) {
      const [name, ...rest] = parameter.split("=");
      const value = rest
        .join("=")
        .trim()
        .replace(/^"(.*)"$/, "$1");
      if (name?.trim().toLowerCase() === "q") q = Number.isFinite(Number(value)) ? Math.min(1, Math.max(0, Number(value))) : 0;
      if (name?.trim().toLowerCase() === "profile") profile = value;
    }
    ranges.push({ type, subtype, profile, q });
  }
  return ranges;
}

/** How well the ranges ask for a candidate: the most specific matching range (a type and subtype beat a wildcard) decides, by its q. */
function quality(ranges: MediaRange[], type: string, subtype: string, profile: string | null): number {
  let best: { specificity: number; q: number } | null = null;
  for (const range of ranges) {
    const matches = (range.type === "*" || range.type === type) && (range.subtype === "*" || range.subtype === subtype);
    // A range asking for another JSON-LD profile does not want Glossa's.
    if (!matches || (range.profile !== null && range.profile !== profile)) continue;
    const specificity = (range.type === "*" ? 0 : 1) + (range.subtype === "*" ? 0 : 1) + (range.profile ? 1 : 0);
    if (!best || specificity > best.specificity) best = { specificity, q: range.q };
  }
  return best?.q ?? 0;
}

/**
 * The representation to answer with (RFC 9110 proactive negotiation): the
 * annotation JSON-LD unless the client prefers plain `application/json`;
 * 406 when the Accept header admits neither (text/turtle, text/html).
 */
export function negotiateMediaType(request: Request): MediaType {
  const header = request.headers.get("accept");
  if (!header?.trim()) return ANNOTATION_MEDIA_TYPE;
  const ranges = parseAccept(header);
  const jsonLd = quality(ranges, "application", "ld+json", ANNOTATION_CONTEXT);
  const json = quality(ranges, "application", "json", null);
  if (jsonLd === 0 && json === 0) {
    throw new AppError("NOT_ACCEPTABLE", `Annotations are served as ${ANNOTATION_MEDIA_TYPE} or application/json; ask for one of those in the Accept header.`);
  }
  return json > jsonLd ? "application/json" : ANNOTATION_MEDIA_TYPE;
}

/** What a client asked of a container with `Prefer` (RFC 7240, and the protocol's §5.4 values). */
interface ContainerPreference {
  /** PreferMinimalContainer: the container's own description, no embedded page. */
  minimal: boolean;
  /** PreferContainedIRIs: pages list IRIs, not whole annotations. */
  iris: boolean;
  /** Whether `return=representation` was asked for and honoured (for Preference-Applied). */
  applied: boolean;
}

/** A GET of the container or of one of its pages, as asked. */
export interface ContainerRequest {
  /** The page asked for with `?page=`, or null for the container itself. */
  page: number | null;
  preference: ContainerPreference;
}

/**
 * What a GET of a container asks for: a page (`?page=`, `?iris=1` for its
 * IRI variant; Prefer does not apply to a page, which has its own IRI), or
 * the container as the Prefer header prefers it.
 */
export function readContainerRequest(request: Request, query: { page?: number; iris?: "1" }): ContainerRequest {
  const iris = query.iris === "1";
  if (query.page !== undefined) return { page: query.page, preference: { minimal: false, iris, applied: false } };
  return { page: null, preference: containerPreference(request, iris) };
}

/** Reads the Prefer header's `return=representation; include="…"` / `omit="…"`; other preferences are ignored, as RFC 7240 allows. */
function containerPreference(request: Request, irisInQuery: boolean): ContainerPreference {
  const preference: ContainerPreference = { minimal: false, iris: irisInQuery, applied: false };
  for (const entry of (request.headers.get("prefer") ?? "").split(",")) {
    const [first, ...parameters] = entry.split(";").map((piece) => piece.trim());
    if (first?.replace(/\s+/g, "").toLowerCase() !== "return=representation") continue;
    preference.applied = true;
    for (const parameter of parameters) {
      const [name, ...rest] = parameter.split("=");
      const iris = rest
        .join("=")
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .split(/\s+/);
      const key = name?.trim().toLowerCase();
      if (key === "include") {
        if (iris.includes(PREFER_MINIMAL)) preference.minimal = true;
        if (iris.includes(PREFER_IRIS)) preference.iris = true;
        if (iris.includes(PREFER_DESCRIPTIONS)) preference.iris = irisInQuery;
      } else if (key === "omit" && iris.includes(PREFER_DESCRIPTIONS)) preference.iris = true;
    }
  }
  return preference;
}

/** A strong ETag of one representation: its bytes and its media type, so each negotiated variant has its own. */
export function entityTag(mediaType: string, text: string): string {
  return `"${createHash("sha256").update(mediaType).update("\n").update(text).digest("base64url").slice(0, 32)}"`;
}

/** The ETags an annotation's representations have now, whichever media type the client read it as. */
export function annotationEntityTags(annotation: WebAnnotation): string[] {
  const text = JSON.stringify(annotation);
  return [entityTag(ANNOTATION_MEDIA_TYPE, text), entityTag("application/json", text)];
}

function listedTags(header: string): string[] {
  return header.split(",").map((tag) => tag.trim());
}

/**
 * The precondition of a change to an annotation: `If-Match` with one of its
 * current ETags (or `*`). Without one, 428 when `required` (PUT: a blind
 * replacement would undo someone's edit made since the client read it);
 * with a stale one, 412, and nothing is changed.
 */
export function assertIfMatch(request: Request, current: string[], required: boolean): void {
  const header = request.headers.get("if-match");
  if (header === null) {
    if (required) throw new AppError("PRECONDITION_REQUIRED", "Send If-Match with the annotation's ETag (read it with GET first), so that a change made since is not overwritten.");
    return;
  }
  const tags = listedTags(header);
  if (tags.includes("*") || tags.some((tag) => current.includes(tag))) return;
  throw new AppError("PRECONDITION_FAILED", "The annotation has changed since you read it: GET it again, then retry with its new ETag.");
}

/** The response to a GET/HEAD of a document, or 304 when the client's If-None-Match already names it. */
function documentResponse(request: Request, document: unknown, mediaType: MediaType, headers: Record<string, string>, status = 200): Response {
  const text = JSON.stringify(document);
  const etag = entityTag(mediaType, text);
  const all = { ...headers, "content-type": mediaType, etag, "cache-control": "private, no-cache" };
  const read = request.method === "GET" || request.method === "HEAD";
  if (read && listedTags(request.headers.get("if-none-match") ?? "").some((tag) => tag === etag || tag === "*")) return new Response(null, { status: 304, headers: all });
  return new Response(request.method === "HEAD" ? null : text, { status, headers: all });
}

/** An annotation's response: 200 for a read or a replacement, 201 with Location for a creation. */
export function annotationResponse(request: Request, annotation: WebAnnotation, mediaType: MediaType, status: 200 | 201 = 200): Response {
  return documentResponse(
    request,
    annotation,
    mediaType,
    {
      link: `<${LDP}Resource>; rel="type", <${OA}Annotation>; rel="type"`,
      allow: ANNOTATION_ALLOW,
      vary: "Accept",
      ...(status === 201 ? { location: annotation.id } : {}),
    },
    status,
  );
}

/** The container's headers, on every answer about it (OPTIONS included). */
export function containerHeaders(): Record<string, string> {
  return {
    link: `<${LDP}BasicContainer>; rel="type", ${CONSTRAINED_BY}`,
    allow: CONTAINER_ALLOW,
    "accept-post": `${ANNOTATION_MEDIA_TYPE}, application/json`,
    vary: "Accept, Prefer",
  };
}

/** One annotation's headers for OPTIONS. */
export function annotationHeaders(): Record<string, string> {
  return { link: `<${LDP}Resource>; rel="type", <${OA}Annotation>; rel="type"`, allow: ANNOTATION_ALLOW, vary: "Accept" };
}

/** What a container page is made of. */
export interface ContainerContents {
  slug: string;
  title: string;
  total: number;
  modified: Date | null;
  /** The page's annotations, serialised, or only their IRIs (PreferContainedIRIs); none for a minimal container. */
  items: WebAnnotation[] | string[];
}

/** An annotation inside a page: the page's @context covers it. */
function embedded({ "@context": _context, ...annotation }: WebAnnotation): Omit<WebAnnotation, "@context"> {
  return annotation;
}

function pageIri(container: string, iris: boolean, page: number): string {
  return `${container}?${iris ? "iris=1&" : ""}page=${page}`;
}

/**
 * The container (no `page` asked) or one of its AnnotationPages, as the
 * protocol's §4 and §5 describe them: the container is a BasicContainer and
 * AnnotationCollection with `total`, `modified`, `first` (embedded, unless
 * the client preferred a minimal container) and `last`; a page has
 * `partOf`, `startIndex`, `next`/`prev` and `items` (whole annotations, or
 * their IRIs with PreferContainedIRIs). The IRI variant has its own IRIs
 * (`?iris=1`), so no IRI names two different documents.
 */
export function containerResponse(request: Request, contents: ContainerContents, { page, preference }: ContainerRequest, mediaType: MediaType): Response {
  const container = annotationIris.container(publicOrigin(request), contents.slug);
  const id = preference.iris ? `${container}?iris=1` : container;
  const pages = Math.max(1, Math.ceil(contents.total / ANNOTATION_PAGE_SIZE));
  const pageNumber = page ?? 0;
  if (pageNumber >= pages) throw new AppError("NOT_FOUND", `This container has ${pages} page${pages === 1 ? "" : "s"}, numbered from 0.`);
  const modified = contents.modified ? { modified: contents.modified.toISOString() } : {};
  const body = {
    id: pageIri(container, preference.iris, pageNumber),
    type: "AnnotationPage",
    startIndex: pageNumber * ANNOTATION_PAGE_SIZE,
    ...(pageNumber > 0 ? { prev: pageIri(container, preference.iris, pageNumber - 1) } : {}),
    ...(pageNumber + 1 < pages ? { next: pageIri(container, preference.iris, pageNumber + 1) } : {}),
    items: contents.items.map((item) => (typeof item === "string" ? item : preference.iris ? item.id : embedded(item))),
  };
  if (page !== null) {
    const document = { "@context": ANNOTATION_CONTEXT, ...body, partOf: { id, total: contents.total, ...modified } };
    return documentResponse(request, document, mediaType, { link: CONSTRAINED_BY, allow: PAGE_ALLOW, vary: "Accept" });
  }
  const headers = { ...containerHeaders(), ...(preference.applied ? { "preference-applied": "return=representation" } : {}) };
  const document = {
    "@context": [ANNOTATION_CONTEXT, "http://www.w3.org/ns/ldp.jsonld"],
    id,
    type: ["BasicContainer", "AnnotationCollection"],
    label: `Annotations on “${contents.title}”`,
    total: contents.total,
    ...modified,
    ...(contents.total === 0 ? {} : { first: preference.minimal ? pageIri(container, preference.iris, 0) : body, last: pageIri(container, preference.iris, pages - 1) }),
  };
  return documentResponse(request, document, mediaType, headers);
}
