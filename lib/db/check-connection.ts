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

const UNSET_HINT = "or unset DATABASE_URL to use the embedded database that Glossa starts for you.";

// PostgreSQL's SQLSTATE codes and Node's socket errors, in words a person can act on.
function explain(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "3D000":
      return `the database does not exist. Create it (createdb <name>), ${UNSET_HINT}`;
    case "28P01":
    case "28000":
      return `the server refused the user or password. Correct DATABASE_URL, ${UNSET_HINT}`;
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `no server answered (${code}). Start that server or correct DATABASE_URL, ${UNSET_HINT}`;
    default:
      return `${code ?? (error as Error).message}. Check that server and DATABASE_URL, ${UNSET_HINT}`;
  }
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
    throw new DatabaseUnavailableError(`Could not use PostgreSQL at ${target}: ${explain(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
