import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** Fewer recent reviews than this say nothing about the usual wait. */
const MIN_REVIEWS = 3;

/**
 * The median time, in seconds, from a held comment's writing to a
 * moderator's decision on it (approve, hide or purge of a comment the audit
 * log recorded as HELD before), over the last 100 such decisions of the last
 * 30 days; NULL with fewer than three. An SQL expression, so the comment
 * view can carry it for a held comment's author only: PostgreSQL runs an
 * uncorrelated subquery once per statement, and only when a row needs it.
 * The comment is looked up by a guarded cast, so a non-numeric target id
 * can never fail the statement.
 */
export const typicalReviewWaitSql = Prisma.sql`(
  SELECT CASE WHEN count(*) >= ${MIN_REVIEWS} THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY recent.wait) END
  FROM (
    SELECT extract(epoch FROM a."createdAt" - rc."createdAt")::float8 AS wait
    FROM "ModerationAction" a
    JOIN LATERAL (SELECT "createdAt" FROM "Comment" WHERE id = CASE WHEN a."targetId" ~ '^[0-9]{1,9}$' THEN a."targetId"::int END) rc ON true
    WHERE a.action IN ('approve', 'hide', 'purge') AND a."targetType" = 'comment' AND a.before->>'status' = 'HELD'
      AND a."createdAt" > (now() AT TIME ZONE 'UTC') - interval '30 days'
    ORDER BY a.id DESC
    LIMIT 100
  ) recent
)`;
