import * as z from "zod/mini";
import { serialIdText, serialId, textId, trimmedText } from "@/lib/validation";

/** What readers may report, and why. */
export const REPORT_REASONS = ["SPAM", "HARASSMENT", "OFF_TOPIC", "MISINFORMATION", "OTHER"] as const;

/** A reader's report of a comment or of a public highlight's note. */
export const reportSchema = z
  .object({
    target: z.discriminatedUnion("type", [z.object({ type: z.literal("comment"), id: serialId("comment") }), z.object({ type: z.literal("note"), id: textId("That note does not exist.") })], {
      error: "Say what you are reporting: a comment or a note.",
    }),
    reason: z.enum(REPORT_REASONS, { error: "Choose a reason: spam, harassment or hate, off-topic, misinformation, or other." }),
    details: z.optional(trimmedText({ max: 1000, tooLong: "Keep the details under 1,000 characters." })),
  })
  .check(z.refine((report) => report.reason !== "OTHER" || (report.details?.length ?? 0) >= 3, { message: "Tell the moderators what is wrong.", path: ["details"] }));
export type ReportInput = z.infer<typeof reportSchema>;

/** The review queue's tabs. */
export const QUEUE_TABS = ["reported", "held", "hidden", "appeals", "actioned"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** Filters for the audit log. */
export const auditQuerySchema = z.object({
  actor: z.optional(trimmedText({ max: 40 })),
  action: z.optional(trimmedText({ max: 40 })),
  targetType: z.optional(z.enum(["comment", "note", "user", "essay", "settings"])),
  targetId: z.optional(trimmedText({ max: 64 })),
  before: z.optional(serialIdText("Choose a page of the audit log.")),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
