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

const BLOCK_TAGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P", "LI", "BLOCKQUOTE", "PRE"]);

/**
 * Whether an element's text is owned by a nested block that will be read on
 * its own. A walk of its few descendants: jsdom's querySelector here took
 * 4.5 of the 6.3 s a 3,000-paragraph page spent in parseHtml.
 */
function hasBlockChild(element: Element): boolean {
  const stack = [...element.children];
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (BLOCK_TAGS.has(child.tagName.toUpperCase())) return true;
    stack.push(...child.children);
  }
  return false;
}

/** Deeper nesting than this is not an article's markup: Readability's time grows with depth × size (1,000 nested divs, 13 KB: 28 s). */
const MAX_DEPTH = 200;
/** More elements than this is not one article's page (a large news page has under 10,000). */
const MAX_ELEMENTS = 60_000;

/** Refuses a page whose shape would keep the extractor busy for minutes: it runs on the server's one thread. */
function assertReadableShape(document: Document): void {
  let elements = 0;
  const stack: { element: Element; depth: number }[] = [{ element: document.documentElement, depth: 1 }];
  while (stack.length > 0) {
    const { element, depth } = stack.pop()!;
    elements += 1;
    if (depth > MAX_DEPTH)
      throw new AppError("VALIDATION", `The page nests its elements more than ${MAX_DEPTH} deep: that is not an article's markup. Save the article's own text, or copy it into a .txt file.`);
    if (elements > MAX_ELEMENTS)
      throw new AppError(
        "VALIDATION",
        `The page has more than ${MAX_ELEMENTS.toLocaleString("en")} elements: that is more than one article. Save the article's own page, or copy its text into a .txt file.`,
      );
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push({ element: child, depth: depth + 1 });
  }
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
  assertReadableShape(document);
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
