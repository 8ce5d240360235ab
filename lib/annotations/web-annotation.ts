/**
 * Glossa's highlights and comments in the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/), shared by the annotation
 * protocol at /annotations/ and the JSON-LD exports. Pure: callers load the
 * rows and decide who may see them.
 *
 * A highlight is an annotation with motivation `highlighting` (its note, if
 * any, a `commenting` body; its tags, `tagging` bodies). A comment on a
 * passage is `commenting` on the same passage; a reply is `replying`, with
 * the annotation it answers as its first target and the passage as its
 * second, so a client that only knows text targets still finds the words. A
 * comment on the whole essay targets the essay.
 *
 * Targets carry both a TextQuoteSelector and a TextPositionSelector in UTF-16
 * offsets of the canonical text of the revision the highlight is anchored
 * on; the revision is named by a TimeState (its publication time), the
 * model's way of saying "the resource as it was then".
 */

/** The JSON-LD context every Glossa annotation is written in. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** The passage an annotation is on: the highlight's selectors on its anchored revision. */
export interface AnnotatedPassage {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** When the revision the offsets refer to was published. */
  revisionPublishedAt: Date;
}

/** Who made it: rendered as a `Person` with their profile page as id. */
export interface AnnotationCreator {
  handle: string;
  name: string;
}

interface AnnotationSourceBase {
  essaySlug: string;
  creator: AnnotationCreator | null;
  created: Date;
  modified: Date;
}

/** A highlight, as the serialiser needs it. */
export interface HighlightSource extends AnnotationSourceBase {
  kind: "highlight";
  id: string;
  passage: AnnotatedPassage;
  /** Null when there is none or it is hidden from this reader. */
  note: string | null;
  tags: readonly string[];
  colour: string;
  visibility: "public" | "private";
}

/** A comment, as the serialiser needs it. */
export interface CommentSource extends AnnotationSourceBase {
  kind: "comment";
  id: number;
  /** The Markdown the author wrote. */
  body: string;
  /** The highlight its thread hangs on (null: the essay's general discussion). */
  highlightId: string | null;
  /** The passage of that highlight, when it is anchored. */
  passage: AnnotatedPassage | null;
  /** The comment it replies to, if any. */
  parentId: number | null;
}

/** A highlight or a comment. */
export type AnnotationSource = HighlightSource | CommentSource;

interface TextualBody {
  type: "TextualBody";
  value: string;
  format?: string;
  purpose: "commenting" | "tagging" | "replying";
}

interface PassageTarget {
  type: "SpecificResource";
  source: string;
  state: { type: "TimeState"; sourceDate: string };
  selector: [{ type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }, { type: "TextPositionSelector"; start: number; end: number }];
}

/** One annotation, serialised. */
export interface WebAnnotation {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "highlighting" | "commenting" | "replying";
  creator?: { id: string; type: "Person"; name: string; nickname: string };
  created: string;
  modified: string;
  body?: TextualBody[];
  target: PassageTarget | string | (PassageTarget | string)[];
  /** Where a person reads it on Glossa. */
  via: string;
}

/** The IRIs of Glossa's resources, all absolute on `origin` (no trailing slash). */
export const annotationIris = {
  container: (origin: string, essaySlug: string) => `${origin}/annotations/${encodeURIComponent(essaySlug)}/`,
  highlight: (origin: string, essaySlug: string, id: string) => `${origin}/annotations/${encodeURIComponent(essaySlug)}/${encodeURIComponent(highlightAnnotationId(id))}`,
  comment: (origin: string, essaySlug: string, id: number) => `${origin}/annotations/${encodeURIComponent(essaySlug)}/${commentAnnotationId(id)}`,
  essay: (origin: string, essaySlug: string) => `${origin}/essays/${encodeURIComponent(essaySlug)}`,
  person: (origin: string, handle: string) => `${origin}/u/${encodeURIComponent(handle)}`,
};

/** The last path segment of a highlight's annotation IRI. */
export function highlightAnnotationId(id: string): string {
  return `highlight-${id}`;
}

/** The last path segment of a comment's annotation IRI. */
export function commentAnnotationId(id: number): string {
  return `comment-${id}`;
}

/** What an annotation IRI's last segment names, or null when it names nothing Glossa makes. */
export function parseAnnotationId(segment: string): { kind: "highlight"; id: string } | { kind: "comment"; id: number } | null {
  const highlight = /^highlight-([A-Za-z0-9-]{1,64})$/.exec(segment);
  if (highlight) return { kind: "highlight", id: highlight[1]! };
  const comment = /^comment-([1-9][0-9]{0,9})$/.exec(segment);
  if (comment && Number(comment[1]) <= 2_147_483_647) return { kind: "comment", id: Number(comment[1]) };
  return null;
}

function passageTarget(origin: string, essaySlug: string, passage: AnnotatedPassage): PassageTarget {
  return {
    type: "SpecificResource",
    source: annotationIris.essay(origin, essaySlug),
    state: { type: "TimeState", sourceDate: passage.revisionPublishedAt.toISOString() },
    selector: [
      { type: "TextQuoteSelector", exact: passage.exact, prefix: passage.prefix, suffix: passage.suffix },
      { type: "TextPositionSelector", start: passage.start, end: passage.end },
    ],
  };
}

function creatorOf(origin: string, creator: AnnotationCreator | null): Pick<WebAnnotation, "creator"> {
  return creator ? { creator: { id: annotationIris.person(origin, creator.handle), type: "Person", name: creator.name, nickname: creator.handle } } : {};
}

function highlightAnnotation(origin: string, source: HighlightSource): WebAnnotation {
  const body: TextualBody[] = [];
  if (source.note) body.push({ type: "TextualBody", value: source.note, format: "text/markdown", purpose: "commenting" });
  for (const tag of source.tags) body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return {
    "@context": ANNOTATION_CONTEXT,
    id: annotationIris.highlight(origin, source.essaySlug, source.id),
    type: "Annotation",
    motivation: "highlighting",
    ...creatorOf(origin, source.creator),
    created: source.created.toISOString(),
    modified: source.modified.toISOString(),
    ...(body.length ? { body } : {}),
    target: passageTarget(origin, source.essaySlug, source.passage),
    via: `${annotationIris.essay(origin, source.essaySlug)}#hl-${source.id}`,
  };
}

function commentAnnotation(origin: string, source: CommentSource): WebAnnotation {
  const replying = source.parentId !== null;
  const passage = source.passage ? passageTarget(origin, source.essaySlug, source.passage) : annotationIris.essay(origin, source.essaySlug);
  return {
    "@context": ANNOTATION_CONTEXT,
    id: annotationIris.comment(origin, source.essaySlug, source.id),
    type: "Annotation",
    motivation: replying ? "replying" : "commenting",
    ...creatorOf(origin, source.creator),
    created: source.created.toISOString(),
    modified: source.modified.toISOString(),
    body: [{ type: "TextualBody", value: source.body, format: "text/markdown", purpose: replying ? "replying" : "commenting" }],
    target: replying ? [annotationIris.comment(origin, source.essaySlug, source.parentId!), passage] : passage,
    via: `${annotationIris.essay(origin, source.essaySlug)}/comments/${source.id}`,
  };
}

/** One highlight or comment as a W3C Web Annotation, with absolute IRIs on `origin`. */
export function toWebAnnotation(origin: string, source: AnnotationSource): WebAnnotation {
  return source.kind === "highlight" ? highlightAnnotation(origin, source) : commentAnnotation(origin, source);
}
