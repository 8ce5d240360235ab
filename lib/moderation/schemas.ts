import { z } from "zod";
import { serialIdText, serialId, textId } from "@/lib/validation";

/** What readers may report, and why. */
export const REPORT_REASONS = ["SPAM", "HARASSMENT", "OFF_TOPIC", "MISINFORMATION", "OTHER"] as const;

/** A reader's report of a comment or of a public highlight's note. */
export const reportSchema = z
  .object({
    target: z.discriminatedUnion("type", [z.object({ type: z.literal("comment"), id: serialId("comment") }), z.object({ type: z.literal("note"), id: textId("That note does not exist.") })], {
      message: "Say what you are reporting: a comment or a note.",
    }),
    reason: z.enum(REPORT_REASONS, { message: "Choose a reason: spam, harassment or hate, off-topic, misinformation, or other." }),
    details: z.string().trim().max(1000, "Keep the details under 1,000 characters.").optional(),
  })
  .refine((report) => report.reason !== "OTHER" || (report.details?.length ?? 0) >= 3, { message: "Tell the moderators what is wrong.", path: ["details"] });
export type ReportInput = z.infer<typeof reportSchema>;

/** The review queue's tabs. */
export const QUEUE_TABS = ["reported", "held", "hidden", "actioned"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

/** Filters for the audit log. */
export const auditQuerySchema = z.object({
  actor: z.string().trim().max(40).optional(),
  action: z.string().trim().max(40).optional(),
  targetType: z.enum(["comment", "note", "user", "essay", "settings"]).optional(),
  targetId: z.string().trim().max(64).optional(),
  before: serialIdText("Choose a page of the audit log.").optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
