import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { textId, trimmedText } from "@/lib/validation";
import { MAX_API_TOKEN_NAME_LENGTH, type ApiTokenView } from "./view";

// Guard "member", not "writer": a token is how a reader takes their own
// annotations to another tool, which a suspended reader keeps (as reading
// private things and exporting), and revoking a leaked token must never be
// out of reach. What a suspended reader's token may do is decided per
// request by the annotation operations' own guards (reads yes, writes no).
// None of these takes an API token (apiTokens is off): a leaked token cannot
// mint, list or revoke tokens; only the signed-in reader can.

/** The reader's live API tokens (never their secrets). */
export const listApiTokens = defineOperation({
  name: "list api tokens",
  method: "GET",
  path: "/api/account/api-tokens",
  guard: "member",
  response: returns<{ tokens: ApiTokenView[] }>(),
});

/** Makes a personal API token; its secret is in this answer and nowhere else, ever. */
export const createApiToken = defineOperation({
  name: "create api token",
  method: "POST",
  path: "/api/account/api-tokens",
  guard: "member",
  body: z.object({
    name: trimmedText({
      min: 1,
      max: MAX_API_TOKEN_NAME_LENGTH,
      message: "Name the token, e.g. the tool or device that will use it.",
      tooShort: "Name the token, e.g. the tool or device that will use it.",
      tooLong: `A token's name can be at most ${MAX_API_TOKEN_NAME_LENGTH} characters.`,
    }),
  }),
  status: 201,
  response: returns<{ token: ApiTokenView; secret: string }>(),
});

/** Revokes one of the reader's tokens: its next request is refused. */
export const revokeApiToken = defineOperation({
  name: "revoke api token",
  method: "DELETE",
  path: "/api/account/api-tokens/:tokenId",
  guard: "member",
  params: z.object({ tokenId: textId("That API token does not exist.") }),
  status: 204,
  response: returns<void>(),
});
