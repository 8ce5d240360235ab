import * as z from "zod/mini";
import { wholeNumber } from "@/lib/validation";

/**
 * Trust levels, after Discourse's: a reader earns them by their history,
 * not by asking. Pure: the facts are loaded by ./load-trust.ts, and the
 * thresholds are the admins' (ModerationSettings.trustRules).
 */
export const TRUST_LEVELS = [0, 1, 2, 3] as const;

/** 0 new, 1 basic, 2 member, 3 trusted. */
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** Each level's name, as readers and moderators see it. */
export const TRUST_LEVEL_NAMES: Record<TrustLevel, string> = { 0: "New reader", 1: "Basic", 2: "Member", 3: "Trusted" };

/** What each level means for the reader, as they are told when they see their level and the next. */
export const TRUST_LEVEL_UNLOCKS: Record<TrustLevel, string> = {
  0: "Your comments with links wait for a moderator, and so do all your comments on essays that review new accounts first.",
  1: "Your links appear at once; on essays that review new accounts first, only your first few comments wait.",
  2: "You are an established reader: moderators weigh reports on your comments with your record in mind.",
  3: "Your comments skip the review of new accounts, and your reports count more toward hiding an item until a moderator looks.",
};

/** A reader's history, as trust is computed from it. */
export interface TrustFacts {
  role: string;
  createdAt: Date;
  /** Comments published and not hidden or deleted. */
  publishedComments: number;
  /** Their comments and notes a moderator hid on a report (a report on them ACTIONED). */
  upheldAgainst: number;
  /** Reports they made that a moderator upheld, and dismissed. */
  reportsUpheld: number;
  reportsDismissed: number;
}

const requirement = z.object({
  minAccountDays: wholeNumber({ min: 0, max: 3650 }),
  minPublishedComments: wholeNumber({ min: 0, max: 10_000 }),
  /** At most this many of their items hidden on a report. */
  maxUpheldAgainst: wholeNumber({ min: 0, max: 10_000 }),
  /** At least this many of their reports upheld. */
  minHelpfulReports: wholeNumber({ min: 0, max: 10_000 }),
});

/** The thresholds admins edit: what each level above 0 requires, and how much a trusted reader's report counts toward hiding an item. */
export const trustRulesSchema = z.object({
  basic: requirement,
  member: requirement,
  trusted: requirement,
  trustedReportWeight: wholeNumber({ min: 1, max: 10, tooBig: "A trusted reader's report counts as at most 10." }),
});

/** Validated trust thresholds. */
export type TrustRules = z.output<typeof trustRulesSchema>;

/**
 * The defaults. Basic after a day and one published comment (what the old
 * 24-hour hold on new accounts' links asked, plus proof of one comment a
 * moderator or the pipeline let through); member after two weeks and ten
 * comments with at most one upheld report against them; trusted after two
 * months, fifty comments, none upheld against them and three helpful
 * reports of their own.
 */
export const DEFAULT_TRUST_RULES: TrustRules = {
  basic: { minAccountDays: 1, minPublishedComments: 1, maxUpheldAgainst: 2, minHelpfulReports: 0 },
  member: { minAccountDays: 14, minPublishedComments: 10, maxUpheldAgainst: 1, minHelpfulReports: 0 },
  trusted: { minAccountDays: 60, minPublishedComments: 50, maxUpheldAgainst: 0, minHelpfulReports: 3 },
  trustedReportWeight: 2,
};

/** The stored rules (null before an admin saves any; anything unreadable falls back to the defaults rather than failing every comment). */
export function trustRulesFrom(stored: unknown): TrustRules {
  const parsed = trustRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_TRUST_RULES;
}

type Requirement = TrustRules["basic"];
const LEVEL_RULES = ["basic", "member", "trusted"] as const;

function meets(facts: TrustFacts, rule: Requirement, now: Date): boolean {
  const days = (now.getTime() - facts.createdAt.getTime()) / 86_400_000;
  return days >= rule.minAccountDays && facts.publishedComments >= rule.minPublishedComments && facts.upheldAgainst <= rule.maxUpheldAgainst && facts.reportsUpheld >= rule.minHelpfulReports;
}

/** A reader's trust level: the highest whose requirements, and every lower level's, they meet. Staff are trusted. */
export function trustLevel(facts: TrustFacts, rules: TrustRules, now: Date): TrustLevel {
  if (facts.role !== "READER") return 3;
  let level: TrustLevel = 0;
  for (const [index, name] of LEVEL_RULES.entries()) {
    if (!meets(facts, rules[name], now)) break;
    level = (index + 1) as TrustLevel;
  }
  return level;
}

/** What a reader still needs for the next level, in plain words (empty at the top). */
export function nextLevelNeeds(facts: TrustFacts, rules: TrustRules, now: Date): string[] {
  const level = trustLevel(facts, rules, now);
  if (level === 3) return [];
  const rule = rules[LEVEL_RULES[level]];
  const days = Math.ceil(rule.minAccountDays - (now.getTime() - facts.createdAt.getTime()) / 86_400_000);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const needs: string[] = [];
  if (days > 0) needs.push(`an account ${plural(days, "day")} older`);
  if (facts.publishedComments < rule.minPublishedComments) needs.push(`${plural(rule.minPublishedComments - facts.publishedComments, "more published comment")}`);
  if (facts.upheldAgainst > rule.maxUpheldAgainst) needs.push(`no more than ${plural(rule.maxUpheldAgainst, "item")} hidden on a report (you have ${facts.upheldAgainst})`);
  if (facts.reportsUpheld < rule.minHelpfulReports) needs.push(`${plural(rule.minHelpfulReports - facts.reportsUpheld, "more report")} a moderator upholds`);
  return needs;
}

/** The share of a reader's decided reports that moderators upheld, or null before any was decided. */
export function reportAccuracy(facts: Pick<TrustFacts, "reportsUpheld" | "reportsDismissed">): number | null {
  const decided = facts.reportsUpheld + facts.reportsDismissed;
  return decided === 0 ? null : facts.reportsUpheld / decided;
}

/** How much some open reports count toward hiding an item: one each, a trusted reporter's `trustedReportWeight`. */
export function reportWeight(reporters: readonly TrustFacts[], rules: TrustRules, now: Date): number {
  return reporters.reduce((sum, reporter) => sum + (trustLevel(reporter, rules, now) === 3 ? rules.trustedReportWeight : 1), 0);
}
