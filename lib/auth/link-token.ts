import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A token for a mailed link (password reset, email confirmation): 256 random bits, URL-safe. */
export function newLinkToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a link token: its SHA-256 (a 256-bit random token needs no salt or slow hash). */
export function linkTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
