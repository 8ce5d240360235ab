import * as z from "zod/mini";

const cadenceSchema = z.enum(["IMMEDIATE", "DIGEST", "OFF"], { error: "Choose immediately, daily digest or off." });

/** The reader's mail choices: any of the topics (lib/notifications/mail-topics.ts), each with its cadence. */
export const updateMailPreferencesSchema = z.strictObject(
  { replies: z.optional(cadenceSchema), mentions: z.optional(cadenceSchema), watched: z.optional(cadenceSchema), moderation: z.optional(cadenceSchema), reports: z.optional(cadenceSchema) },
  { error: "Unknown mail topic: choose among replies, mentions, watched, moderation and reports." },
);

/** An unsubscribe link's token, as lib/notifications/unsubscribe-token.ts makes it. */
export const unsubscribeQuerySchema = z.object({
  token: z
    .string({ error: "This unsubscribe link is incomplete: open it from the message again." })
    .check(z.minLength(10, "This unsubscribe link is incomplete: open it from the message again."), z.maxLength(200)),
});

export type UpdateMailPreferencesInput = z.infer<typeof updateMailPreferencesSchema>;
