import { z } from "zod";

/** An essay's URL slug: lower-case words joined by hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .min(1, "A slug needs at least one character.")
  .max(120, "A slug can be at most 120 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug may use only lower-case letters, digits and single hyphens, e.g. when-negotiations-cause-defeat.");

const blockSchema = z.object({
  kind: z.enum(["heading", "paragraph"]),
  text: z.string().min(1).max(50_000),
});

/** What an importer must produce before anything is stored. */
export const importedEssaySchema = z.object({
  title: z.string().trim().min(1, "The essay has no title.").max(300),
  dek: z.string().trim().max(1_000).nullable(),
  byline: z.string().trim().max(300).nullable(),
  attribution: z.string().trim().max(300).nullable(),
  blocks: z.array(blockSchema).min(1, "The essay has no body."),
});
