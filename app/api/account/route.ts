import { deleteAccount } from "@/lib/auth/delete-account";
import { deleteAccountSchema, signUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consume, LIMITS } from "@/lib/rate-limit/limits";

/** Sign up. */
export const POST = route({ schema: signUpSchema, status: 201 }, async ({ request, body }) => {
  await consume([{ rule: LIMITS.signUpPerIp, key: clientIp(request.headers) }]);
  return { account: await signUp(body) };
});

/** Delete one's own account. */
export const DELETE = route({ schema: deleteAccountSchema }, async ({ body }) => {
  const viewer = await requireUser();
  await deleteAccount(viewer.id, body.contributions, body.password);
});
