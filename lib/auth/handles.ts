import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

/**
 * A free handle derived from a name or login ("Ada Lovelace" → "ada-lovelace",
 * then "ada-lovelace-2", ...), for accounts made through OAuth.
 */
export async function freeHandleFrom(seed: string): Promise<string> {
  const base =
    seed
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 24) || "reader";
  const padded = base.length >= 3 ? base : `${base}-reader`;
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? padded : `${padded}-${n}`;
    if (!(await db.user.findUnique({ where: { handle: candidate }, select: { id: true } }))) return candidate;
  }
  return `${padded}-${randomBytes(3).toString("hex")}`;
}
