import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/notifications/contracts";
import { unsubscribeMail } from "@/lib/notifications/unsubscribe-mail";

export const POST = handle(contracts.unsubscribeMail, async ({ query }) => unsubscribeMail(query.token));
