import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import type { DraftBlock, ImportedEssay } from "@/lib/essays/document";
import { AppError } from "@/lib/errors";
import { classifyChrome, copyrightHolder } from "./chrome";
import { bylineName, tidyLine } from "./prose";

const BLOCK_SELECTOR = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre";

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const content = document.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute("content");
    if (content?.trim()) return tidyLine(content);
  }
  return null;
}

/** Whether an element's text is owned by a nested block that will be read on its own. */
function hasBlockChild(element: Element): boolean {
  return element.querySelector(BLOCK_SELECTOR) !== null;
}

/**
 * The page's own headline: its single <h1> when the <title> contains it, so
 * "Site | Headline" titles lose the site name. Read before Readability, which
 * rewrites the document it is given.
 */
function headlineOf(document: Document): string | null {
  const headings = document.querySelectorAll("h1");
  const headline = headings.length === 1 ? tidyLine(headings[0]!.textContent ?? "") : "";
  return headline && tidyLine(document.title).includes(headline) ? headline : null;
}

/**
 * Parses an HTML page with Mozilla's Readability (the extractor behind
 * Firefox's Reader View), then walks the extracted article for headings and
 * paragraphs. Readability finds the article and drops the page around it;
 * the shared chrome rules then catch labels left inside the article itself
 * ("Advertisement", "Read more: …").
 */
export function parseHtml(content: string, url?: string): ImportedEssay {
  const page = new JSDOM(content, url ? { url } : {});
  const document = page.window.document;
  const standfirst = meta(document, "description", "og:description", "twitter:description");
  const siteName = meta(document, "og:site_name", "application-name");
  const footerHolder = [...document.querySelectorAll("footer")].map((footer) => /©[^\n]*/.exec(footer.textContent ?? "")?.[0]).find(Boolean);
  const headline = headlineOf(document);
  const article = new Readability(document).parse();
  if (!article?.content) throw new AppError("VALIDATION", "No discernible body: the page has no article text to import. Save the article's own page, or copy its text into a .txt file.");

  const body = new JSDOM(article.content).window.document;
  const title = headline ?? (tidyLine(article.title ?? "") || meta(document, "og:title"));
  const blocks: DraftBlock[] = [];
  let bylineLine: string | null = null;
  for (const element of body.querySelectorAll(BLOCK_SELECTOR)) {
    if (hasBlockChild(element)) continue;
    const text = tidyLine(element.textContent ?? "");
    if (!text || classifyChrome(text) !== null) continue;
    if (bylineName(text) !== null) {
      bylineLine ??= text;
      continue;
    }
    const isHeading = /^H[1-6]$/.test(element.tagName);
    if (isHeading && text === title) continue;
    blocks.push({ kind: isHeading ? "heading" : "paragraph", text });
  }
  if (!title) throw new AppError("VALIDATION", "The page has no title: add a <title> or an <h1>.");

  const firstParagraph = blocks.find((block) => block.kind === "paragraph")?.text;
  const dek = standfirst && firstParagraph && !firstParagraph.startsWith(standfirst.replace(/…$|\.\.\.$/, "")) ? standfirst : null;
  const bylineSource = article.byline ?? bylineLine ?? meta(document, "author");
  const byline = bylineSource ? (bylineName(bylineSource) ?? tidyLine(bylineSource)) : null;
  return {
    title,
    dek,
    byline,
    attribution: siteName ?? (article.siteName ? tidyLine(article.siteName) : null) ?? (footerHolder ? copyrightHolder(footerHolder) : null),
    blocks,
  };
}
