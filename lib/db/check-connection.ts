import pg from "pg";

/** Where a connection string points, without its password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, "") || "(default database)";
    return `${parsed.hostname}:${parsed.port || "5432"}/${database}${parsed.username ? ` as ${decodeURIComponent(parsed.username)}` : ""}`;
  } catch {
    return "an unparseable DATABASE_URL";
  }
}

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/**
 * Connects once and runs `select 1`, turning any failure into one message
 * that says which server was tried and what to do about it.
 */
export async function checkDatabaseConnection(url: string): Promise<void> {
  const target = describeDatabaseUrl(url);
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  } catch (error) {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid PostgreSQL connection string (${(error as Error).message}). Fix it, or unset it to use the embedded database.`);
  }
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DatabaseUnavailableError(
      `Could not connect to PostgreSQL at ${target} (${reason}). ` +
        `Start that server or correct DATABASE_URL; or unset DATABASE_URL to use the embedded database that Glossa starts for you.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
