import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/passages/contracts";
import { removePassageControl } from "@/lib/passages/remove-passage-control";

export const DELETE = handle(contracts.removePassageControl, async ({ params, viewer }) => {
  await removePassageControl(viewer, params.controlId);
});
