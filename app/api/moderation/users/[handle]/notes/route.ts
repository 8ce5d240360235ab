import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/moderation/contracts";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";

export const POST = handle(contracts.addModeratorNote, async ({ viewer, params, body }) => addModeratorNote(viewer, params.handle, body.body));
