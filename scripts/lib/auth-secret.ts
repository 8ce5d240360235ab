import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { AppError } from "@/lib/errors";

const SECRET_FILE = path.join(PROJECT_ROOT, ".glossa-secret");

/**
 * The secret that signs session cookies. Production must set AUTH_SECRET (or
 * NEXTAUTH_SECRET); for the one-command local start one is generated on first
 * run and kept in a gitignored file, so sessions survive restarts.
 */
export function ensureAuthSecret(mode: "dev" | "start"): { AUTH_SECRET: string; NEXTAUTH_SECRET: string } {
  const configured = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (configured) return { AUTH_SECRET: configured, NEXTAUTH_SECRET: configured };
  if (mode === "start" && process.env.NODE_ENV === "production" && !process.env.GLOSSA_ALLOW_GENERATED_SECRET) {
    throw new AppError("BAD_REQUEST", "AUTH_SECRET is required in production: set it to a long random string, e.g. the output of `openssl rand -base64 32`.");
  }
  if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  const secret = readFileSync(SECRET_FILE, "utf8").trim();
  return { AUTH_SECRET: secret, NEXTAUTH_SECRET: secret };
}
