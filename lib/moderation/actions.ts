import { z } from "zod";
import { serialId, textId } from "@/lib/validation";

const reasonText = z.string().trim().min(3, "Say why, in a few words: the author will read it.").max(500, "Keep the reason under 500 characters.");
const optionalReason = z.string().trim().max(500, "Keep the reason under 500 characters.").optional();
const commentIds = z.array(serialId("comment")).min(1, "Choose at least one comment.").max(100, "Act on at most 100 comments at once.");
const highlightIds = z.array(textId("That note does not exist.")).min(1, "Choose at least one note.").max(100, "Act on at most 100 notes at once.");
const userId = textId("Choose an account.");
const wordList = z.array(z.string().trim().min(1).max(80)).max(500, "Keep each list under 500 words.");
const onComments = { commentIds, reason: optionalReason };

/**
 * Every moderation action: the least role that may take it and what it
 * takes. This table is the one source: the permissions table, the request
 * body's schema and the dispatcher (run-action.ts, where a missing action is
 * a type error) are derived from it, and so is the authorisation matrix test.
 */
export const MODERATION_ACTIONS = {
  approve: { role: "MODERATOR", input: z.object(onComments) },
  hide: { role: "MODERATOR", input: z.object({ commentIds, reason: reasonText }) },
  restore: { role: "MODERATOR", input: z.object(onComments) },
  purge: { role: "ADMIN", input: z.object({ commentIds, reason: reasonText }) },
  "lock-thread": { role: "MODERATOR", input: z.object(onComments) },
  "unlock-thread": { role: "MODERATOR", input: z.object(onComments) },
  "slow-thread": { role: "MODERATOR", input: z.object({ ...onComments, seconds: z.number().int().min(0).max(3600, "Slow mode is at most an hour between comments.") }) },
  pin: { role: "MODERATOR", input: z.object(onComments) },
  unpin: { role: "MODERATOR", input: z.object(onComments) },
  "hide-note": { role: "MODERATOR", input: z.object({ highlightIds, reason: reasonText }) },
  "restore-note": { role: "MODERATOR", input: z.object({ highlightIds, reason: optionalReason }) },
  "dismiss-note-reports": { role: "MODERATOR", input: z.object({ highlightIds, reason: optionalReason }) },
  suspend: { role: "MODERATOR", input: z.object({ userId, days: z.number().int().min(1, "Suspend for at least a day.").max(365, "Suspend for at most a year; ban instead."), reason: reasonText }) },
  ban: { role: "MODERATOR", input: z.object({ userId, reason: reasonText }) },
  "lift-sanction": { role: "MODERATOR", input: z.object({ userId, reason: optionalReason }) },
  "essay-settings": {
    role: "MODERATOR",
    input: z.object({
      essayId: textId("That essay does not exist."),
      commentsOpen: z.boolean().optional(),
      preModeration: z.enum(["OFF", "ALL", "NEW_ACCOUNTS"]).optional(),
      preModerationThreshold: z.number().int().min(1).max(100).optional(),
      slowModeSeconds: z.number().int().min(0).max(3600).optional(),
      reason: optionalReason,
    }),
  },
  "site-settings": {
    role: "ADMIN",
    input: z.object({
      bannedWords: wordList.optional(),
      suspectWords: wordList.optional(),
      linkMinAccountAgeHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 365)
        .optional(),
      reportHideThreshold: z.number().int().min(1).max(100).optional(),
      reason: optionalReason,
    }),
  },
  "grant-moderator": { role: "ADMIN", input: z.object({ handle: z.string().trim().min(1, "Give the reader's handle.").max(40), reason: optionalReason }) },
  "revoke-moderator": { role: "ADMIN", input: z.object({ handle: z.string().trim().min(1, "Give the moderator's handle.").max(40), reason: optionalReason }) },
} as const satisfies Record<string, { role: "MODERATOR" | "ADMIN"; input: z.ZodObject }>;

type Actions = typeof MODERATION_ACTIONS;

/** A moderation action's name. */
export type ModerationActionName = keyof Actions;

/** One action's request body: its name and its input. */
export type ModerationActionOf<K extends ModerationActionName> = { action: K } & z.output<Actions[K]["input"]>;

/** Any action's request body. */
export type ModerationActionInput = { [K in ModerationActionName]: ModerationActionOf<K> }[ModerationActionName];

/** A request body as a browser may compose it: the server's schema checks the rest. */
export type ModerationActionRequest = { action: ModerationActionName } & Record<string, unknown>;

/** The names, for schemas and tests. */
export const MODERATION_ACTION_NAMES = Object.keys(MODERATION_ACTIONS) as [ModerationActionName, ...ModerationActionName[]];

/** Every action and the least role that may take it (the authorisation matrix is generated from it). */
export const MODERATION_PERMISSIONS = Object.fromEntries(MODERATION_ACTION_NAMES.map((name) => [name, MODERATION_ACTIONS[name].role])) as { [K in ModerationActionName]: Actions[K]["role"] };

/** Every moderation action a moderator or admin can take, as one request body. */
export const moderationActionSchema = z.discriminatedUnion(
  "action",
  MODERATION_ACTION_NAMES.map((name) => MODERATION_ACTIONS[name].input.extend({ action: z.literal(name) })) as unknown as [
    z.ZodObject<{ action: z.ZodLiteral<ModerationActionName> }>,
    ...z.ZodObject<{ action: z.ZodLiteral<ModerationActionName> }>[],
  ],
  { message: "Choose a moderation action." },
) as unknown as z.ZodType<ModerationActionInput, ModerationActionRequest>;
