import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAIL_TOPICS, type MailPreferences } from "./mail-topics";
import type { UpdateMailPreferencesInput } from "./schemas";

/** The reader's cadence columns, as Prisma selects them. */
export const MAIL_PREFERENCE_COLUMNS = Object.fromEntries(MAIL_TOPICS.map(({ column }) => [column, true])) as Record<(typeof MAIL_TOPICS)[number]["column"], true>;

/** A user row's cadence columns as topic → cadence. */
export function mailPreferencesOf(row: Record<(typeof MAIL_TOPICS)[number]["column"], MailPreferences[keyof MailPreferences]>): MailPreferences {
  return Object.fromEntries(MAIL_TOPICS.map(({ topic, column }) => [topic, row[column]])) as MailPreferences;
}

/** Changes what the reader is emailed about; the mailer reads the new choice for the next notice. Answers every choice as it now stands. */
export async function updateMailPreferences(userId: string, input: UpdateMailPreferencesInput): Promise<MailPreferences> {
  const data = Object.fromEntries(MAIL_TOPICS.flatMap(({ topic, column }) => (input[topic] ? [[column, input[topic]]] : []))) as Prisma.UserUpdateInput;
  return mailPreferencesOf(await db.user.update({ where: { id: userId }, data, select: MAIL_PREFERENCE_COLUMNS }));
}
