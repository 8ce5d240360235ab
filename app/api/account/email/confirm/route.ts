import { confirmEmail } from "@/lib/auth/confirm-email";
import * as contracts from "@/lib/auth/contracts";
import { handle } from "@/lib/http/operation";
import { mailLinkOrigin } from "@/lib/mail/link-origin";

export const POST = handle(contracts.confirmEmail, async ({ request, body }) => confirmEmail(body.token, mailLinkOrigin(request)));
