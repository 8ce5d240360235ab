import { requestPasswordReset, RESET_REQUESTED } from "@/lib/auth/request-password-reset";
import { requestPasswordReset as requestPasswordResetContract } from "@/lib/auth/contracts";
import { handle } from "@/lib/http/operation";
import { mailLinkOrigin } from "@/lib/mail/link-origin";
import { clientIp } from "@/lib/rate-limit/client-ip";

export const POST = handle(requestPasswordResetContract, async ({ request, body }) => {
  await requestPasswordReset(body.email, clientIp(request.headers), mailLinkOrigin(request));
  return { message: RESET_REQUESTED };
});
