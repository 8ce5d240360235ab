import type { DiffPart } from "@/lib/essays/diff-words";

/**
 * A word-level diff as running text: removed words struck through, added
 * words underlined. Screen readers do not announce <ins> and <del>, so each
 * run says what it is in visually hidden words.
 */
export function WordDiff({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <span className="word-diff">
      {parts.map((part, index) =>
        part.op === "added" ? (
          <ins key={index}>
            <span className="visually-hidden">added: </span>
            {part.text}
          </ins>
        ) : part.op === "removed" ? (
          <del key={index}>
            <span className="visually-hidden">removed: </span>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
