import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the server reads, in one schema. The README's
 * configuration table documents the same list. Values are parsed on each call
 * (a few microseconds): scripts set DATABASE_URL after import, and tests flip
 * TRUST_PROXY between cases, so a value frozen at import would be wrong.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalText,
  /** Connections in the one pool each app instance keeps. */
  GLOSSA_DB_POOL_SIZE: positiveInt(10),
  AUTH_SECRET: optionalText,
  NEXTAUTH_SECRET: optionalText,
  NEXTAUTH_URL: optionalText.pipe(z.url({ message: "NEXTAUTH_URL must be a full URL such as https://glossa.example." }).optional()),
  /** The port the app listens on (npm run dev and npm start set it); links in mail use it when NEXTAUTH_URL is unset outside production. */
  PORT: positiveInt(3000),
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none, use the socket's address). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  REDIS_URL: optionalText,
  /** Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. Unset: written to the terminal and listed at /dev/mail. */
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, message: "SMTP_URL must look like smtp://user:password@mail.example:587 (or smtps:// for TLS from the start)." }).optional()),
  /** The From of every message. */
  MAIL_FROM: optionalText.pipe(z.string().default("Glossa <glossa@localhost>")),
  /** Host names an editor's URL import may fetch although they resolve to a private or loopback address (as Discourse's allowed_internal_hosts), comma-separated. */
  IMPORT_ALLOWED_HOSTS: optionalText,
  GITHUB_ID: optionalText,
  GITHUB_SECRET: optionalText,
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
});

/** The server's configuration, as the schema above reads it. */
export type ServerEnv = z.infer<typeof envSchema>;

/**
 * The validated environment. A malformed value stops the caller with one
 * message naming the variable, instead of surfacing later as a confusing
 * failure somewhere else.
 */
export function serverEnv(): ServerEnv {
  const parsed = envSchema.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  throw new Error(`The environment is not valid: ${problems}. See the configuration table in README.md.`);
}

/** DATABASE_URL, or a message saying how Glossa provides one. */
export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Glossa with `npm run dev` or `npm start`, which prepare the database first.");
  return url;
}
