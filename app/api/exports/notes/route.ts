import * as contracts from "@/lib/exports/contracts";
import { exportNotes } from "@/lib/exports/export-notes";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.exportMyNotes, async ({ viewer, request, query: { format, ...filters } }) => exportNotes(viewer, request, format, filters));
