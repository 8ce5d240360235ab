/*
 * Hypothesis's quote matcher, ported for comparison in `npm run bench:anchoring`.
 *
 * From https://github.com/hypothesis/client, src/annotator/anchoring/match-quote.ts
 * (commit 9d28950c84560765f77b8e8e133c0f11ad577410), with the way
 * src/annotator/anchoring/html.ts calls it: the TextPositionSelector first,
 * kept when the text there is still the quote, then `matchQuote` with the
 * position as its hint. Only types and names were adapted; the algorithm and
 * its weights are Hypothesis's.
 *
 * Copyright (c) 2013-2019 Hypothes.is Project and contributors
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
 * ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
import approxSearch, { type Match as StringMatch } from "approx-string-match";
import type { Selectors } from "@/lib/anchoring";

/** A match of the quote: offsets in the text and a score from 0 to 1. */
interface Match {
  start: number;
  end: number;
  score: number;
}

/** The best approximate matches for `str` in `text` with up to `maxErrors` errors; exact matches first, as they are cheap. */
function search(text: string, str: string, maxErrors: number): StringMatch[] {
  let matchPos = 0;
  const exactMatches: StringMatch[] = [];
  while (matchPos !== -1) {
    matchPos = text.indexOf(str, matchPos);
    if (matchPos !== -1) {
      exactMatches.push({ start: matchPos, end: matchPos + str.length, errors: 0 });
      matchPos += 1;
    }
  }
  if (exactMatches.length > 0) return exactMatches;
  return approxSearch(text, str, maxErrors);
}

/** How similar `text` and `str` are, from 0 to 1. */
function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = search(text, str, str.length);
  return 1 - matches[0]!.errors / str.length;
}

interface Context {
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** Hypothesis's `matchQuote`: the best approximate match for `quote` in `text`, or null when none is within its error bound. */
function matchQuote(text: string, quote: string, context: Context = {}): Match | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;

  const scoreMatch = (match: StringMatch) => {
    const quoteWeight = 50; // Similarity of matched text to quote.
    const prefixWeight = 20; // Similarity of text before matched text to `context.prefix`.
    const suffixWeight = 20; // Similarity of text after matched text to `context.suffix`.
    const posWeight = 2; // Proximity to expected location. Used as a tie-breaker.

    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix) : 1.0;
    const suffixScore = context.suffix ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === "number") {
      const offset = Math.abs(match.start - context.hint);
      posScore = 1.0 - offset / text.length;
    }

    const rawScore = quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore;
    const maxScore = quoteWeight + prefixWeight + suffixWeight + posWeight;
    return rawScore / maxScore;
  };

  const scoredMatches = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }));
  scoredMatches.sort((a, b) => b.score - a.score);
  return scoredMatches[0]!;
}

/**
 * Anchors a highlight as Hypothesis's client does in an HTML document: its
 * position if the quote is still there, otherwise its quote by `matchQuote`
 * (which has no threshold: any match it returns is used). Null: orphaned.
 */
export function hypothesisAnchor(selectors: Selectors, text: string): { start: number; end: number } | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (text.slice(start, end) === exact) return { start, end };
  const match = matchQuote(text, exact, { prefix, suffix, hint: start });
  return match && { start: match.start, end: match.end };
}
