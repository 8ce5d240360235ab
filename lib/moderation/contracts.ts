import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { textId } from "@/lib/validation";
import { moderationActionSchema } from "./actions";
import type { MyReportView } from "./my-reports";
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
