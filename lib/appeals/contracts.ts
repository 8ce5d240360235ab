import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { trimmedText } from "@/lib/validation";

/**
 * A sanctioned reader appeals the sanction in force on their account: a
 * suspended reader from their session, a banned one with the ban notice's
 * token their sign-in gave them (the `sanctioned` guard). One appeal waits
 * per sanction; a second is 409 until the first is decided.
 */
export const fileAppeal = defineOperation({
  name: "file appeal",
  method: "POST",
  path: "/api/appeals",
  guard: "sanctioned",
  body: z.object({
    message: trimmedText({ min: 10, max: 2000, tooShort: "Tell the moderators, in a sentence or two, why the sanction should be lifted.", tooLong: "Keep an appeal under 2,000 characters." }),
  }),
  status: 201,
  response: returns<{ appeal: { id: string; status: "OPEN" } }>(),
});
