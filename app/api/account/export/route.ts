import * as contracts from "@/lib/exports/contracts";
import { exportAccountData } from "@/lib/exports/export-account-data";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.exportMyAccount, async ({ viewer, request }) => exportAccountData(viewer, request));
