import "server-only";
import { slugSchema } from "./schemas";
import { loadSource } from "./import/load-source";
import { parseEssay } from "./import";
import { saveImportedEssay, type SaveImportedEssayResult } from "./save-imported-essay";
import { AppError } from "@/lib/errors";

export interface ImportEssayResult extends SaveImportedEssayResult {
  title: string;
  paragraphs: number;
  sections: number;
}

/**
 * Reads, parses and stores an essay from a file path or URL. Every check
 * (slug, size, encoding, a discernible body) runs before the first write.
 */
export async function importEssayFrom(target: string, options: { slug?: string; importedById?: string } = {}): Promise<ImportEssayResult> {
  if (options.slug !== undefined) {
    const slug = slugSchema.safeParse(options.slug);
    if (!slug.success) throw new AppError("BAD_REQUEST", `--slug ${JSON.stringify(options.slug)}: ${slug.error.issues[0]?.message}`);
  }
  const source = await loadSource(target);
  const essay = await parseEssay(source);
  const saved = await saveImportedEssay({ essay, source: source.origin, slug: options.slug, importedById: options.importedById });
  return {
    ...saved,
    title: essay.title,
    paragraphs: essay.blocks.filter((block) => block.kind === "paragraph").length,
    sections: essay.blocks.filter((block) => block.kind === "heading").length,
  };
}
