import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { nextLevelNeeds, TRUST_LEVEL_NAMES, TRUST_LEVEL_UNLOCKS, trustLevel, trustRulesFrom, type TrustFacts, type TrustLevel, type TrustRules } from "./trust";

/**
 * The trust facts of some readers, one row each, as one statement: their
 * published comments, their items a moderator hid on a report, and their own
 * reports upheld and dismissed. Counted per reader through the indexes on
 * Comment(authorId, …), Report(commentId|highlightId, status) and
 * Report(reporterId, …).
 */
export function trustFactsSql(userIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.role::text AS role, u."createdAt",
      (SELECT count(*) FROM "Comment" c WHERE c."authorId" = u.id AND c.status = 'PUBLISHED' AND c."deletedAt" IS NULL)::int AS "publishedComments",
      ((SELECT count(DISTINCT c.id) FROM "Comment" c JOIN "Report" r ON r."commentId" = c.id AND r.status = 'ACTIONED' WHERE c."authorId" = u.id)
        + (SELECT count(DISTINCT h.id) FROM "Highlight" h JOIN "Report" r ON r."highlightId" = h.id AND r.status = 'ACTIONED' WHERE h."authorId" = u.id))::int AS "upheldAgainst",
      (SELECT count(*) FROM "Report" r WHERE r."reporterId" = u.id AND r.status = 'ACTIONED')::int AS "reportsUpheld",
      (SELECT count(*) FROM "Report" r WHERE r."reporterId" = u.id AND r.status = 'DISMISSED')::int AS "reportsDismissed"
    FROM "User" u WHERE u.id = ANY(${[...userIds]}::text[])`;
}

/** The site's trust thresholds (the defaults until an admin saves some). */
export async function loadTrustRules(): Promise<TrustRules> {
  const [row] = await queryRows<{ trustRules: unknown }>(Prisma.sql`SELECT "trustRules" FROM "ModerationSettings" WHERE id = 1`);
  return trustRulesFrom(row?.trustRules ?? null);
}

/** Readers' trust facts by id (a reader not found is absent). */
export async function loadTrustFacts(userIds: readonly string[]): Promise<Map<string, TrustFacts>> {
  if (userIds.length === 0) return new Map();
  const rows = await queryRows<TrustFacts & { id: string }>(trustFactsSql([...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Readers' trust levels by id, under the site's current rules. */
export async function loadTrustLevels(userIds: readonly string[], now = new Date()): Promise<Map<string, { level: TrustLevel; facts: TrustFacts }>> {
  const [facts, rules] = await Promise.all([loadTrustFacts(userIds), loadTrustRules()]);
  return new Map([...facts].map(([id, row]) => [id, { level: trustLevel(row, rules, now), facts: row }]));
}

/** A reader's own trust level as their settings page shows it: its name, what it allows, and what the next one needs and unlocks. */
export interface OwnTrust {
  level: TrustLevel;
  name: string;
  allows: string;
  next: { name: string; unlocks: string; needs: string[] } | null;
}

/** The signed-in reader's trust level and the way to the next (their own only: nobody else's history is shown). */
export async function loadOwnTrust(userId: string, now = new Date()): Promise<OwnTrust | null> {
  const [facts, rules] = await Promise.all([loadTrustFacts([userId]), loadTrustRules()]);
  const mine = facts.get(userId);
  if (!mine) return null;
  const level = trustLevel(mine, rules, now);
  const next = level < 3 ? ((level + 1) as TrustLevel) : null;
  return {
    level,
    name: TRUST_LEVEL_NAMES[level],
    allows: TRUST_LEVEL_UNLOCKS[level],
    next: next === null ? null : { name: TRUST_LEVEL_NAMES[next], unlocks: TRUST_LEVEL_UNLOCKS[next], needs: nextLevelNeeds(mine, rules, now) },
  };
}
