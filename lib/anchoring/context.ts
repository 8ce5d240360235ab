import search from "approx-string-match";

/**
 * How well `context` agrees with the text just before (`side: "prefix"`) or
 * just after (`side: "suffix"`) a candidate match, from 0 (not at all) to 1
 * (exactly). Empty context (a quote at the very start or end) agrees fully
 * only when the candidate is at that edge too.
 */
export function contextAgreement(text: string, context: string, at: number, side: "prefix" | "suffix"): number {
  const window = side === "prefix" ? text.slice(Math.max(0, at - context.length), at) : text.slice(at, at + context.length);
  if (context.length === 0) return window.length === 0 ? 1 : 0.5;
  if (window === context) return 1;
  if (window.length === 0) return 0;
  const matches = search(window, context, context.length);
  const errors = matches.length ? Math.min(...matches.map((match) => match.errors)) : context.length;
  return Math.max(0, 1 - errors / context.length);
}

/** Closeness of a candidate to where the highlight used to be, from 0 to 1. */
export function positionAgreement(candidateStart: number, hint: number, textLength: number): number {
  return textLength === 0 ? 1 : Math.max(0, 1 - Math.abs(candidateStart - hint) / textLength);
}
