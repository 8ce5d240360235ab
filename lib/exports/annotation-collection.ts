import { ANNOTATION_CONTEXT, toWebAnnotation, type AnnotatedPassage, type AnnotationSource, type WebAnnotation } from "@/lib/annotations/web-annotation";
import type { ExportItems, ExportPassage } from "./items";

/** Annotations per AnnotationPage. */
export const ANNOTATION_PAGE_SIZE = 500;

/** One page of a collection; in a downloaded file each page holds the next, so the file is complete. */
export interface AnnotationPage {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: number;
  items: WebAnnotation[];
  next?: AnnotationPage;
}

/** A W3C AnnotationCollection with its pages embedded. */
export interface AnnotationCollection {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first?: AnnotationPage;
}

function annotatedPassage(passage: ExportPassage): AnnotatedPassage {
  const { exact, prefix, suffix, start, end, revisionCreatedAt } = passage;
  return { exact, prefix, suffix, start, end, revisionPublishedAt: revisionCreatedAt };
}

/** The items as serialiser sources: highlights first, then comments, each oldest first. */
function sources(items: ExportItems): AnnotationSource[] {
  const creator = { handle: items.reader.handle, name: items.reader.name };
  const byAge = <T extends { created: Date }>(list: T[]) => [...list].sort((a, b) => a.created.getTime() - b.created.getTime());
  return [
    ...byAge(items.highlights).map((item) => ({
      kind: "highlight" as const,
      id: item.id,
      essaySlug: item.essay.slug,
      creator,
      created: item.created,
      modified: item.modified,
      passage: annotatedPassage(item.passage),
      note: item.note,
      tags: item.tags,
      colour: item.colour,
      visibility: item.visibility,
    })),
    ...byAge(items.comments).map((item) => ({
      kind: "comment" as const,
      id: item.id,
      essaySlug: item.essay.slug,
      creator,
      created: item.created,
      modified: item.modified,
      body: item.body,
      highlightId: item.highlightId,
      passage: item.passage ? annotatedPassage(item.passage) : null,
      parentId: item.parentId,
    })),
  ];
}

/**
 * The export as a W3C Web Annotation AnnotationCollection (JSON-LD, the
 * shape of `AnnotationCollection`), written as chunks of JSON text: each
 * highlight and comment serialised by lib/annotations/web-annotation.ts
 * (every item keeps its own @context, so it can be taken out alone) when
 * its chunk is taken, in AnnotationPages of ANNOTATION_PAGE_SIZE whose
 * `next` is embedded. Built whole and pretty-printed, the collection of a
 * reader with 20,000 highlights ran the server out of its 192 MB heap
 * inside JSON.stringify (exit 134, every request in flight lost); written
 * this way, only the chunk being sent is text. `collectionId` names the
 * collection (the export's URL); pages are its fragments.
 */
export function* annotationCollectionChunks(items: ExportItems, origin: string, collectionId: string, label: string): Generator<string> {
  const all = sources(items);
  yield `{"@context":${JSON.stringify(ANNOTATION_CONTEXT)},"id":${JSON.stringify(collectionId)},"type":"AnnotationCollection","label":${JSON.stringify(label)},"total":${all.length}`;
  let open = 0;
  for (let start = 0; start < all.length; start += ANNOTATION_PAGE_SIZE) {
    const page = { id: `${collectionId}#page-${start / ANNOTATION_PAGE_SIZE + 1}`, type: "AnnotationPage", partOf: collectionId, startIndex: start };
    yield `,${start === 0 ? '"first"' : '"next"'}:${JSON.stringify(page).slice(0, -1)},"items":[`;
    open += 1;
    for (let index = start; index < Math.min(start + ANNOTATION_PAGE_SIZE, all.length); index += 1) {
      yield `${index === start ? "" : ","}${JSON.stringify(toWebAnnotation(origin, all[index]!))}`;
    }
    yield "]";
  }
  yield `${"}".repeat(open)}}`;
}
