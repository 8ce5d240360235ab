/** Where ts_headline starts a matched word (a Unicode private-use character, removed from the text before it is searched). */
export const MARK_START = "\uE000";
/** Where a matched word ends. */
export const MARK_END = "\uE001";

/** A run of snippet text, marked when it is a matched word. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Splits ts_headline's output at its marks into runs the page renders as text and `<mark>`, never as HTML. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    if (text) {
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
    text = "";
  };
  for (const character of headline) {
    if (character === MARK_START || character === MARK_END) {
      flush();
      marked = character === MARK_START;
    } else text += character;
  }
  flush();
  return parts;
}
