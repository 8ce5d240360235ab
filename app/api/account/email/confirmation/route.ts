import * as contracts from "@/lib/auth/contracts";
import { resendEmailConfirmation } from "@/lib/auth/resend-email-confirmation";
import { handle } from "@/lib/http/operation";
import { mailLinkOrigin } from "@/lib/mail/link-origin";

export const POST = handle(contracts.resendEmailConfirmation, async ({ request, viewer }) => resendEmailConfirmation(viewer.id, mailLinkOrigin(request)));
