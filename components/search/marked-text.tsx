import type { SnippetPart } from "@/lib/search/snippet";

/** A snippet with the searched words marked: text and `<mark>` elements, never HTML from the database. */
export function MarkedText({ parts }: { parts: readonly SnippetPart[] }) {
  return parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text));
}
