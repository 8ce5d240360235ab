import { ANNOTATION_CONTEXT, toWebAnnotation, type AnnotatedPassage, type AnnotationSource, type WebAnnotation } from "@/lib/annotations/web-annotation";
import type { ExportItems, ExportPassage } from "./items";

/** Annotations per AnnotationPage. */
export const ANNOTATION_PAGE_SIZE = 500;

/** One page of a collection; in a downloaded file each page holds the next, so the file is complete. */
interface AnnotationPage {
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
 * The export as a W3C Web Annotation AnnotationCollection (JSON-LD): each
 * highlight and comment serialised by lib/annotations/web-annotation.ts
 * (every item keeps its own @context, so it can be taken out alone), in
 * AnnotationPages of ANNOTATION_PAGE_SIZE whose `next` is embedded.
 * `collectionId` names the collection (the export's URL); pages are its
 * fragments.
 */
export function toAnnotationCollection(items: ExportItems, origin: string, collectionId: string, label: string): AnnotationCollection {
  const annotations = sources(items).map((source) => toWebAnnotation(origin, source));
  let next: AnnotationPage | undefined;
  for (let start = Math.floor(Math.max(annotations.length - 1, 0) / ANNOTATION_PAGE_SIZE) * ANNOTATION_PAGE_SIZE; start >= 0 && annotations.length > 0; start -= ANNOTATION_PAGE_SIZE) {
    next = {
      id: `${collectionId}#page-${start / ANNOTATION_PAGE_SIZE + 1}`,
      type: "AnnotationPage",
      partOf: collectionId,
      startIndex: start,
      items: annotations.slice(start, start + ANNOTATION_PAGE_SIZE),
      ...(next ? { next } : {}),
    };
  }
  return { "@context": ANNOTATION_CONTEXT, id: collectionId, type: "AnnotationCollection", label, total: annotations.length, ...(next ? { first: next } : {}) };
}
