// Tags on highlights: the words of the tag field and the #words of the note,
// lower-cased and without "#". Pure and free of zod, so the browser's tag
// field uses the same rules as the server.
//
// The grammar follows Obsidian's (the Markdown export's main destination),
// without its nested "/" tags, so an exported #tag is a tag there too:
// letters (any script, with their combining marks), digits, "-" and "_",
// starting with a letter or digit and not made of digits alone ("#1" in a
// note is "number one", not a tag).

/** The most tags one highlight carries. */
export const MAX_TAGS = 20;
/** The longest tag, in characters. */
export const MAX_TAG_LENGTH = 40;

const TAG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}_-]*$/u;

/** A tag as stored: NFC, lower-cased, without leading "#"s or surrounding space. */
export function normaliseTag(word: string): string {
  return word.trim().replace(/^#+/, "").normalize("NFC").toLowerCase();
}

/**
 * The tag a /tags/<tag> path segment names, or null for none. Next hands a
 * page its dynamic segment still %-encoded (/tags/caf%C3%A9), so it is
 * decoded here; a tag has no "%", so decoding one already decoded changes
 * nothing.
 */
export function tagFromPathSegment(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const tag = normaliseTag(decoded);
  return isValidTag(tag) ? tag : null;
}

/** Whether a normalised word is a tag Glossa keeps. */
export function isValidTag(tag: string): boolean {
  return tag.length >= 1 && tag.length <= MAX_TAG_LENGTH && TAG.test(tag) && /[^\p{N}]/u.test(tag);
}

/** The words a reader typed into a tag field ("#essay, close-reading attention"), split on spaces and commas, normalised, in order. */
export function splitTagField(text: string): string[] {
  return text
    .split(/[\s,]+/u)
    .map(normaliseTag)
    .filter((word) => word !== "");
}

// What in a Markdown note is not prose, so its "#" is no tag: fenced code
// blocks (to their closing fence or the end), code spans (a run of backticks
// to the same run), link destinations and autolinks, and bare URLs (a
// fragment like page#section).
const NOT_PROSE = [
  /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|$)/gm,
  /(`+)[\s\S]*?\1/g,
  /\]\([^)]*\)/g,
  /<[a-z][a-z0-9+.-]*:[^>\s]*>/gi,
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi,
];

// A "#" starts a tag only where a word could start: not after a letter or digit (C#, page#2), "&" (&#39;), "/" (a path), "\" (an escaped #) or another "#".
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&/\\#-])#([\p{L}\p{M}\p{N}_-]+)/gu;

/** The #tags in a Markdown note, normalised and deduplicated in order of appearance; code, URLs and headings ("# Title") do not count. */
export function tagsInNote(note: string | null | undefined): string[] {
  if (!note) return [];
  let prose = note;
  for (const pattern of NOT_PROSE) prose = prose.replace(pattern, " ");
  const found: string[] = [];
  for (const match of prose.matchAll(HASHTAG)) {
    // A tag ends where the word does; trailing "-" or "_" are punctuation ("#draft-, and so on").
    const tag = normaliseTag(match[1]!.replace(/[-_]+$/u, ""));
    if (isValidTag(tag) && !found.includes(tag)) found.push(tag);
  }
  return found;
}

/** The words of a tag field that are not valid tags, as typed: for the message that names them. */
export function invalidTags(words: readonly string[]): string[] {
  return words.filter((word) => !isValidTag(normaliseTag(word)));
}

/**
 * A highlight's tags: the tag field's (valid, normalised) words, then the
 * note's #tags, deduplicated. The caller refuses more than MAX_TAGS.
 */
export function highlightTags(fieldTags: readonly string[], note: string | null | undefined): string[] {
  const tags: string[] = [];
  for (const tag of [...fieldTags.map(normaliseTag), ...tagsInNote(note)]) if (isValidTag(tag) && !tags.includes(tag)) tags.push(tag);
  return tags;
}

/** The tags a reader set in the field (not those their note's #words give): what the field shows when it opens. */
export function fieldTagsOf(tags: readonly string[], note: string | null | undefined): string[] {
  const fromNote = new Set(tagsInNote(note));
  return tags.filter((tag) => !fromNote.has(tag));
}
