import { resetPassword as resetPasswordContract } from "@/lib/auth/contracts";
import { resetPassword } from "@/lib/auth/reset-password";
import { handle } from "@/lib/http/operation";

export const POST = handle(resetPasswordContract, async ({ body }) => resetPassword(body.token, body.password));
