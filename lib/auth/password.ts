import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum
// recommendation). Argon2 takes the whole password, however long: no
// truncation as with bcrypt's 72 bytes.
const ARGON2ID = 2;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** Checks a password against a stored argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account to check
 * against, so response timing does not reveal whether an email is registered.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("glossa-timing-equaliser-not-a-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
