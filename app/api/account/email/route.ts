import * as contracts from "@/lib/auth/contracts";
import { requestEmailChange } from "@/lib/auth/request-email-change";
import { handle } from "@/lib/http/operation";
import { mailLinkOrigin } from "@/lib/mail/link-origin";

export const POST = handle(contracts.requestEmailChange, async ({ request, viewer, body }) => requestEmailChange(viewer.id, body, mailLinkOrigin(request)));
