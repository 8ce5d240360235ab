import * as contracts from "@/lib/auth/contracts";
import { deleteAccount } from "@/lib/auth/delete-account";
import { signUp } from "@/lib/auth/sign-up";
import { handle } from "@/lib/http/operation";
import { configuredMailLinkOrigin } from "@/lib/mail/link-origin";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consume, LIMITS } from "@/lib/rate-limit/limits";

export const POST = handle(contracts.signUp, async ({ request, body }) => {
  await consume([{ rule: LIMITS.signUpPerIp, key: clientIp(request.headers) }]);
  return { account: await signUp(body, configuredMailLinkOrigin(request)) };
});

export const DELETE = handle(contracts.deleteAccount, async ({ viewer, body }) => {
  await deleteAccount(viewer.id, body.contributions, body.password);
});
