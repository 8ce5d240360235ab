import * as z from "zod/mini";
import { serialId, textId, trimmedText, wholeNumber } from "@/lib/validation";
import { trustRulesSchema } from "./trust";

const reasonText = trimmedText({ min: 3, max: 500, tooShort: "Say why, in a few words: the author will read it.", tooLong: "Keep the reason under 500 characters." });
const optionalReason = z.optional(trimmedText({ max: 500, tooLong: "Keep the reason under 500 characters." }));
const commentIds = z.array(serialId("comment")).check(z.minLength(1, "Choose at least one comment."), z.maxLength(100, "Act on at most 100 comments at once."));
const highlightIds = z.array(textId("That note does not exist.")).check(z.minLength(1, "Choose at least one note."), z.maxLength(100, "Act on at most 100 notes at once."));
const userId = textId("Choose an account.");
const appealId = textId("That appeal does not exist.");
const wordList = z.array(trimmedText({ min: 1, max: 80 })).check(z.maxLength(500, "Keep each list under 500 words."));
const onComments = { commentIds, reason: optionalReason };
const cannedReasons = z
  .array(trimmedText({ min: 3, max: 500, tooShort: "Each saved reason needs a few words.", tooLong: "Keep each saved reason under 500 characters." }))
  .check(z.maxLength(30, "Keep at most 30 saved reasons in a list."));

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
  "slow-thread": { role: "MODERATOR", input: z.object({ ...onComments, seconds: wholeNumber({ min: 0, max: 3600, tooBig: "Slow mode is at most an hour between comments." }) }) },
  pin: { role: "MODERATOR", input: z.object(onComments) },
  unpin: { role: "MODERATOR", input: z.object(onComments) },
  "hide-note": { role: "MODERATOR", input: z.object({ highlightIds, reason: reasonText }) },
  "restore-note": { role: "MODERATOR", input: z.object({ highlightIds, reason: optionalReason }) },
  "dismiss-note-reports": { role: "MODERATOR", input: z.object({ highlightIds, reason: optionalReason }) },
  suspend: {
    role: "MODERATOR",
    input: z.object({ userId, days: wholeNumber({ min: 1, max: 365, tooSmall: "Suspend for at least a day.", tooBig: "Suspend for at most a year; ban instead." }), reason: reasonText }),
  },
  ban: { role: "MODERATOR", input: z.object({ userId, reason: reasonText }) },
  "lift-sanction": { role: "MODERATOR", input: z.object({ userId, reason: optionalReason }) },
  // A reader's appeal against their sanction (lib/appeals): granting lifts it, denying keeps it and must say why.
  "grant-appeal": { role: "MODERATOR", input: z.object({ appealId, reason: optionalReason }) },
  "deny-appeal": { role: "MODERATOR", input: z.object({ appealId, reason: reasonText }) },
  "essay-settings": {
    role: "MODERATOR",
    input: z.object({
      essayId: textId("That essay does not exist."),
      commentsOpen: z.optional(z.boolean()),
      preModeration: z.optional(z.enum(["OFF", "ALL", "NEW_ACCOUNTS"])),
      preModerationThreshold: z.optional(wholeNumber({ min: 1, max: 100 })),
      slowModeSeconds: z.optional(wholeNumber({ min: 0, max: 3600 })),
      reason: optionalReason,
    }),
  },
  "site-settings": {
    role: "ADMIN",
    input: z.object({
      bannedWords: z.optional(wordList),
      suspectWords: z.optional(wordList),
      exactMatchWords: z.optional(wordList),
      trustRules: z.optional(trustRulesSchema),
      reportHideThreshold: z.optional(wholeNumber({ min: 1, max: 100 })),
      requireVerifiedEmail: z.optional(z.boolean({ error: "Say whether readers must confirm their email before they comment: true or false." })),
      cannedHideReasons: z.optional(cannedReasons),
      cannedSanctionReasons: z.optional(cannedReasons),
      reason: optionalReason,
    }),
  },
  "grant-moderator": { role: "ADMIN", input: z.object({ handle: trimmedText({ min: 1, max: 40, tooShort: "Give the reader's handle." }), reason: optionalReason }) },
  "revoke-moderator": { role: "ADMIN", input: z.object({ handle: trimmedText({ min: 1, max: 40, tooShort: "Give the moderator's handle." }), reason: optionalReason }) },
  "grant-editor": { role: "ADMIN", input: z.object({ handle: trimmedText({ min: 1, max: 40, tooShort: "Give the reader's handle." }), reason: optionalReason }) },
  "revoke-editor": { role: "ADMIN", input: z.object({ handle: trimmedText({ min: 1, max: 40, tooShort: "Give the editor's handle." }), reason: optionalReason }) },
} as const satisfies Record<string, { role: "MODERATOR" | "ADMIN"; input: z.ZodMiniObject }>;

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
  MODERATION_ACTION_NAMES.map((name) => z.extend(MODERATION_ACTIONS[name].input, { action: z.literal(name) })) as unknown as [
    z.ZodMiniObject<{ action: z.ZodMiniLiteral<ModerationActionName> }>,
    ...z.ZodMiniObject<{ action: z.ZodMiniLiteral<ModerationActionName> }>[],
  ],
  { error: "Choose a moderation action." },
) as unknown as z.ZodMiniType<ModerationActionInput, ModerationActionRequest>;
