import {
  collapseDuplicatesTransformer,
  parseRawPattern,
  RegExpMatcher,
  resolveConfusablesTransformer,
  resolveLeetSpeakTransformer,
  toAsciiLowerCaseTransformer,
  type TransformerContainer,
} from "obscenity";

/** The site's word lists as the pipeline reads them (ModerationSettings). */
export interface WordLists {
  bannedWords: readonly string[];
  suspectWords: readonly string[];
  /** Words of either list matched only as written (case aside, whole word); the others also in disguise. */
  exactMatchWords: readonly string[];
}

/** The listed words a text uses, each as the admin wrote it, in its list's order. */
export interface WordsFound {
  banned: string[];
  suspect: string[];
}

/**
 * Look-alike letters (Cyrillic "а", "𝐛"), case, and letters stretched past
 * two ("baaaanned" reads "baanned", which the doubled-letter pattern below
 * accepts) — without leetspeak, so "banned!" and "(banned)" keep their word
 * boundaries ("!" is leet for "i", "(" for "c").
 */
const PLAIN: TransformerContainer[] = [resolveConfusablesTransformer(), toAsciiLowerCaseTransformer(), collapseDuplicatesTransformer({ defaultThreshold: 2 })];
/** The same, reading digits and symbols as the letters they stand for ("b4nn3d", "a$$"). */
const LEET: TransformerContainer[] = [resolveConfusablesTransformer(), resolveLeetSpeakTransformer(), toAsciiLowerCaseTransformer(), collapseDuplicatesTransformer({ defaultThreshold: 2 })];

/** Punctuation at a word's edge: spaced out before leetspeak, which would otherwise read the "!" of "b4nned!" as an "i" and join it to the word. */
const EDGE_PUNCTUATION = /[.,;:!?)"'»”’]+(?=\s|$)|(?<=^|\s)[("'«“‘]+/gu;
/** Separators inside a word: "ban.ned", "b-a-n-n-e-d", "b*nned" read without them. */
const INNER_SEPARATORS = /(?<=[\p{L}\p{N}@$])[.\-_*·•~'’]+(?=[\p{L}\p{N}@$])/gu;
/** Three or more single characters apart: "b a n n e d" reads "banned". */
const SPACED_LETTERS = /(?<![\p{L}\p{N}@$])(?:[\p{L}\p{N}@$]\s+){2,}[\p{L}\p{N}@$](?![\p{L}\p{N}@$])/gu;

/** Escapes obscenity's pattern syntax: `[`, `]`, `?`, `|` and `\`. */
const escapePattern = (text: string) => text.replace(/[[\]?|\\]/g, "\\$&");

/**
 * A listed word as an obscenity pattern that also matches its disguises:
 * whole word only (`|…|`: "classic" never reads as "ass", "Scunthorpe" never
 * as its second to fifth letters), every single letter may be doubled (the
 * transformers leave stretched letters doubled), and a plural "s" may follow.
 */
function variantPattern(word: string): string {
  const letters = word.toLowerCase().replace(/(.)\1+/gu, "$1$1");
  let body = "";
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const doubled = letters[i + 1] === letter;
    body += escapePattern(doubled ? letter + letter : letter) + (!doubled && /[a-z]/.test(letter) ? `[${letter}]` : "");
    if (doubled) i++;
  }
  return `|${body}[s]|`;
}

/** A listed word matched exactly: case-insensitive, whole word, any script's letters counting as word characters. */
function exactPattern(word: string): RegExp {
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\p{L}\\p{N}])`, "u");
}

/**
 * The words of both lists: those matched in disguise (one obscenity matcher
 * per reading, over both lists at once: each reading transforms the whole
 * text, which is most of the cost) and those matched exactly.
 */
function listsMatcher(lists: WordLists): (text: string) => WordsFound {
  const exact = new Set(lists.exactMatchWords.map((word) => word.trim().toLowerCase()));
  const clean = (list: readonly string[]) => [...new Set(list.map((word) => word.trim()).filter(Boolean))];
  const listed = { banned: clean(lists.bannedWords), suspect: clean(lists.suspectWords) };
  const all = [...listed.banned, ...listed.suspect];
  const exactWords = all.filter((word) => exact.has(word.toLowerCase())).map((word) => ({ word, pattern: exactPattern(word) }));
  const variantWords = all.filter((word) => !exact.has(word.toLowerCase()) && /[\p{L}\p{N}]/u.test(word));
  const terms = variantWords.map((word, id) => ({ id, pattern: parseRawPattern(variantPattern(word)) }));
  const plain = terms.length ? new RegExpMatcher({ blacklistedTerms: terms, blacklistMatcherTransformers: PLAIN }) : null;
  const leet = terms.length ? new RegExpMatcher({ blacklistedTerms: terms, blacklistMatcherTransformers: LEET }) : null;
  return (text) => {
    const found = new Set<string>();
    const lowered = text.toLowerCase();
    for (const { word, pattern } of exactWords) if (pattern.test(lowered)) found.add(word);
    if (plain && leet) {
      const spaced = text.replace(EDGE_PUNCTUATION, (match) => " ".repeat(match.length));
      const joined = spaced.replace(INNER_SEPARATORS, "").replace(SPACED_LETTERS, (match) => match.replace(/\s+/g, ""));
      const matches = [...plain.getAllMatches(text), ...leet.getAllMatches(spaced), ...(joined === spaced ? [] : leet.getAllMatches(joined))];
      for (const match of matches) found.add(variantWords[match.termId]!);
    }
    // In the list's order, so a refusal names the same word every time.
    return { banned: listed.banned.filter((word) => found.has(word)), suspect: listed.suspect.filter((word) => found.has(word)) };
  };
}

/** The last lists' matcher, and the last text it judged (the banned and suspect phases ask about the same body one after the other). */
let cached: { key: string; find: (text: string) => WordsFound; last: { text: string; found: WordsFound } | null } | null = null;

/**
 * The listed words `text` uses. The matchers are built once per version of
 * the lists (the settings are read with every comment), not per comment:
 * building 405 words' matchers took 80 ms, judging a 1,050-character
 * comment against them 1 ms, and against 7 words 0.3-0.4 ms, most of it the
 * transformers' pass over the text (tests/unit/word-rules.test.ts prints
 * the figures). Empty lists build no matcher and cost nothing.
 */
export function findListedWords(lists: WordLists, text: string): WordsFound {
  const key = JSON.stringify([lists.bannedWords, lists.suspectWords, lists.exactMatchWords]);
  if (cached?.key !== key) cached = { key, find: listsMatcher(lists), last: null };
  if (cached.last?.text !== text) cached.last = { text, found: cached.find(text) };
  return cached.last.found;
}
