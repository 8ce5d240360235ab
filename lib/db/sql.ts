import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sharedPool } from "./pool";

/**
 * The raw-SQL gateway: the one way Glossa runs SQL it wrote itself, on the
 * instance's one pool (lib/db/pool.ts). Prisma serves everything else.
 * Raw SQL is used where a measurement asked for it, and only here:
 * - reading threads, discussion pages and single comments
 *   (lib/comments/queries.ts, read-sql.ts): a 10,000-comment thread is
 *   shaped in SQL and read as row arrays, 40 ms instead of 65 through Prisma;
 * - writing a comment (lib/comments/create-comment.ts): one query for the
 *   target and the judging facts, one statement for the row, the notice and
 *   the event (13 Prisma round trips before; 309 comments/s instead of 137),
 *   in a gateway transaction when a new passage highlight comes with it
 *   (lib/highlights/create-highlight.ts shares that insert);
 * - the viewer lookup on every signed-in request (lib/auth/viewer.ts), its
 *   twin for API tokens (lib/api-tokens/authenticate-api-token.ts) and
 *   the NOTIFY after a write (lib/live/publish.ts): prepared statements;
 * - an essay's annotation container (lib/annotations/sources.ts): highlights
 *   and comments in one ordered, paged UNION, which Prisma cannot express;
 * - listing an essay's highlights with their comment counts in one query
 *   (lib/highlights/list-highlights.ts) and counting threads;
 * - the highlights' first paint the essay page streams
 *   (lib/highlights/load-first-paint.ts): 1.5 ms for 5,000 highlights;
 * - search (lib/search/search-site.ts): Prisma cannot name a generated
 *   tsvector column or call websearch_to_tsquery; planned per call (below);
 * - taking due mail from the outbox (lib/mail/outbox-worker.ts): FOR UPDATE
 *   SKIP LOCKED, which Prisma cannot express, so that several instances'
 *   workers never take the same message.
 * One statement outside the gateway: re-anchoring's single UPDATE … FROM
 * unnest (lib/highlights/reanchor-highlights.ts), which runs inside the
 * essay import's Prisma transaction, so that operation stays on one engine.
 */

/** A prepared statement's name, the same for the same SQL text: PostgreSQL plans it once per connection. */
function statementName(query: Prisma.Sql): string {
  return `glossa_${createHash("sha1").update(query.text).digest("hex").slice(0, 16)}`;
}

/** Where a statement runs: the pool (its own transaction) or one transaction's connection. */
type Runner = Pick<pg.Pool, "query"> | pg.PoolClient;

async function rowsOn<Row>(runner: Runner, query: Prisma.Sql): Promise<Row[]> {
  const result = await runner.query({ name: statementName(query), text: query.text, values: query.values as unknown[] });
  return result.rows as Row[];
}

async function arraysOn(runner: Runner, query: Prisma.Sql): Promise<unknown[][]> {
  const result = await runner.query({ name: statementName(query), text: query.text, values: query.values as unknown[], rowMode: "array" });
  return result.rows as unknown[][];
}

/**
 * Runs one statement as a named prepared statement (PostgreSQL plans it once
 * per connection) and returns its rows as objects. A statement is its own
 * transaction; use `sqlTransaction` for several.
 */
export function queryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  return rowsOn<Row>(sharedPool(), query);
}

/**
 * As `queryRows`, but planned anew for each call's values (an unnamed
 * statement), for statements whose best plan depends on them: a search for
 * a rare word wants the full-text index, one for "the" (45,000 of the thread
 * benchmark's 50,000 comments) wants the newest rows by date. A prepared
 * statement's generic plan, chosen after five calls, assumed 250 matches
 * and took 65 ms on the second kind instead of 8.
 */
export async function queryRowsPlannedPerCall<Row>(query: Prisma.Sql): Promise<Row[]> {
  const result = await sharedPool().query({ text: query.text, values: query.values as unknown[] });
  return result.rows as Row[];
}

/** As `queryRows`, with each row as an array of its values in column order: no object per row, so a long thread reads in half the time. */
export function queryArrays(query: Prisma.Sql): Promise<unknown[][]> {
  return arraysOn(sharedPool(), query);
}

/** The statements of one gateway transaction. */
export interface SqlTransaction {
  rows<Row>(query: Prisma.Sql): Promise<Row[]>;
  arrays(query: Prisma.Sql): Promise<unknown[][]>;
}

/**
 * Runs `work` in one transaction on one connection of the pool: committed
 * when it resolves, rolled back when it throws.
 */
export async function sqlTransaction<Result>(work: (tx: SqlTransaction) => Promise<Result>): Promise<Result> {
  const client = await sharedPool().connect();
  let broken: unknown;
  try {
    await client.query("BEGIN");
    const result = await work({ rows: (query) => rowsOn(client, query), arrays: (query) => arraysOn(client, query) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool must not hand it out again.
    client.release(broken instanceof Error ? broken : undefined);
  }
}
