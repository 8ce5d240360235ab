import { z } from "zod";

const reasonText = z.string().trim().min(3, "Say why, in a few words: the author will read it.").max(500, "Keep the reason under 500 characters.");
const optionalReason = z.string().trim().max(500, "Keep the reason under 500 characters.").optional();
const commentIds = z.array(z.number().int().positive()).min(1, "Choose at least one comment.").max(100, "Act on at most 100 comments at once.");
const highlightIds = z.array(z.string().min(1).max(64)).min(1, "Choose at least one note.").max(100, "Act on at most 100 notes at once.");
const userId = z.string().min(1, "Choose an account.").max(64);
const wordList = z.array(z.string().trim().min(1).max(80)).max(500, "Keep each list under 500 words.");

/** What readers may report, and why. */
export const REPORT_REASONS = ["SPAM", "HARASSMENT", "OFF_TOPIC", "MISINFORMATION", "OTHER"] as const;

/** A reader's report of a comment or of a public highlight's note. */
export const reportSchema = z
  .object({
    target: z.discriminatedUnion("type", [z.object({ type: z.literal("comment"), id: z.number().int().positive() }), z.object({ type: z.literal("note"), id: z.string().min(1).max(64) })], {
      message: "Say what you are reporting: a comment or a note.",
    }),
    reason: z.enum(REPORT_REASONS, { message: "Choose a reason: spam, harassment or hate, off-topic, misinformation, or other." }),
    details: z.string().trim().max(1000, "Keep the details under 1,000 characters.").optional(),
  })
  .refine((report) => report.reason !== "OTHER" || (report.details?.length ?? 0) >= 3, { message: "Tell the moderators what is wrong.", path: ["details"] });
export type ReportInput = z.infer<typeof reportSchema>;

/** Every moderation action a moderator or admin can take, as one request body. */
export const moderationActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("approve"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("hide"), commentIds, reason: reasonText }),
    z.object({ action: z.literal("restore"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("purge"), commentIds, reason: reasonText }),
    z.object({ action: z.literal("lock-thread"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("unlock-thread"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("slow-thread"), commentIds, seconds: z.number().int().min(0).max(3600, "Slow mode is at most an hour between comments."), reason: optionalReason }),
    z.object({ action: z.literal("pin"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("unpin"), commentIds, reason: optionalReason }),
    z.object({ action: z.literal("hide-note"), highlightIds, reason: reasonText }),
    z.object({ action: z.literal("restore-note"), highlightIds, reason: optionalReason }),
    z.object({ action: z.literal("dismiss-note-reports"), highlightIds, reason: optionalReason }),
    z.object({ action: z.literal("suspend"), userId, days: z.number().int().min(1, "Suspend for at least a day.").max(365, "Suspend for at most a year; ban instead."), reason: reasonText }),
    z.object({ action: z.literal("ban"), userId, reason: reasonText }),
    z.object({ action: z.literal("lift-sanction"), userId, reason: optionalReason }),
    z.object({
      action: z.literal("essay-settings"),
      essayId: z.string().min(1).max(64),
      commentsOpen: z.boolean().optional(),
      preModeration: z.enum(["OFF", "ALL", "NEW_ACCOUNTS"]).optional(),
      preModerationThreshold: z.number().int().min(1).max(100).optional(),
      slowModeSeconds: z.number().int().min(0).max(3600).optional(),
      reason: optionalReason,
    }),
    z.object({
      action: z.literal("site-settings"),
      bannedWords: wordList.optional(),
      suspectWords: wordList.optional(),
      linkMinAccountAgeHours: z.number().int().min(0).max(24 * 365).optional(),
      reportHideThreshold: z.number().int().min(1).max(100).optional(),
      reason: optionalReason,
    }),
    z.object({ action: z.literal("grant-moderator"), handle: z.string().trim().min(1, "Give the reader's handle.").max(40), reason: optionalReason }),
    z.object({ action: z.literal("revoke-moderator"), handle: z.string().trim().min(1, "Give the moderator's handle.").max(40), reason: optionalReason }),
  ],
  { message: "Choose a moderation action." },
);
export type ModerationActionInput = z.infer<typeof moderationActionSchema>;

/** The review queue's tabs. */
export const QUEUE_TABS = ["reported", "held", "hidden", "actioned"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** Filters for the audit log. */
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(40).optional(),
  action: z.string().trim().max(40).optional(),
  targetType: z.enum(["comment", "note", "user", "essay", "settings"]).optional(),
  targetId: z.string().trim().max(64).optional(),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
