import { previewEssay } from "@/lib/essays/contracts";
import { previewEssayImport } from "@/lib/essays/preview-essay-import";
import { handle } from "@/lib/http/operation";

export const POST = handle(previewEssay, async ({ body }) => ({ preview: await previewEssayImport(body) }));
