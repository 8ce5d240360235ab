import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { textId, trimmedText } from "@/lib/validation";
import { moderationActionSchema } from "./actions";
import type { MyReportView } from "./my-reports";
import type { UserRecord } from "./read-user-record";
import type { UserMatch } from "./search-users";
import { reportSchema } from "./schemas";

/** The reader's own reports and what became of them. */
export const listMyReports = defineOperation({
  name: "list my reports",
  method: "GET",
  path: "/api/reports",
  guard: "member",
  response: returns<{ reports: MyReportView[] }>(),
});

/** Reports a comment or a public highlight's note. */
export const reportContent = defineOperation({
  name: "report content",
  method: "POST",
  path: "/api/reports",
  guard: "writer",
  body: reportSchema,
  status: 201,
  response: returns<{ report: { id: string; status: "OPEN" } }>(),
});

/** Withdraws one of the reader's own open reports. A suspended reader may. */
export const withdrawReport = defineOperation({
  name: "withdraw report",
  method: "DELETE",
  path: "/api/reports/:reportId",
  guard: "member",
  params: z.object({ reportId: textId("You have no open report with that id.") }),
  status: 204,
  response: returns<void>(),
});

/**
 * Every moderation action, one at a time or in bulk. The body names the
 * action; each operation checks the actor's role against MODERATION_ACTIONS
 * before it touches anything (an admin-only action refuses a moderator).
 */
export const moderate = defineOperation({
  name: "moderate",
  method: "POST",
  path: "/api/moderation/actions",
  guard: { role: "MODERATOR" },
  body: moderationActionSchema,
  response: returns<{ ok: true; result: unknown }>(),
});

/** A reader's handle in a moderation address (a leading @ is allowed). */
const handleParams = z.object({ handle: z.string().check(z.regex(/^@?[a-zA-Z0-9_-]{1,40}$/, "No reader has that handle.")) });

/** Readers found by handle, display name or the start of their email, for moderators and admins. */
export const searchUsers = defineOperation({
  name: "search users",
  method: "GET",
  path: "/api/moderation/users",
  guard: { role: "MODERATOR" },
  query: z.object({ q: trimmedText({ min: 1, max: 100, tooShort: "Type a handle, a name or the start of an email." }) }),
  response: returns<{ users: UserMatch[] }>(),
});

/** One reader's record: history, sanctions, reports against and by them, moderators' notes (the author card and /moderation/users/<handle>). */
export const readUserRecord = defineOperation({
  name: "read user record",
  method: "GET",
  path: "/api/moderation/users/:handle",
  guard: { role: "MODERATOR" },
  params: handleParams,
  response: returns<{ user: UserRecord }>(),
});

/** Adds a private moderator note about a reader (audited without its text; the reader is not told). */
export const addModeratorNote = defineOperation({
  name: "add moderator note",
  method: "POST",
  path: "/api/moderation/users/:handle/notes",
  guard: { role: "MODERATOR" },
  params: handleParams,
  body: z.object({ body: trimmedText({ min: 1, max: 2000, tooShort: "Write the note first.", tooLong: "Keep a note under 2,000 characters." }) }),
  status: 201,
  response: returns<{ note: { id: string; author: string; body: string; at: string } }>(),
});
