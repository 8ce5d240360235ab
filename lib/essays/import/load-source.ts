import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors";

/** How a source's text is structured, which decides the parser. */
export type SourceFormat = "text" | "markdown" | "html";

/** A source read into memory and checked, ready to parse. */
export interface LoadedSource {
  content: string;
  format: SourceFormat;
  /** Absolute file path or URL: how the essay is recognised on re-import. */
  origin: string;
}

/** Imports larger than this are refused: no essay is 2 MB of text. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 15_000;

const EXTENSION_FORMATS: Record<string, SourceFormat> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/**
 * Reads an essay source from a file path or an http(s) URL and refuses, with
 * a message a person can act on, anything that cannot be an essay: a missing
 * file, a directory, an empty or binary file, more than 2 MB, an unreachable
 * URL or a non-text response.
 */
export async function loadSource(target: string): Promise<LoadedSource> {
  if (/^https?:\/\//i.test(target)) return loadUrl(target, (url, init) => fetch(url, { ...init, redirect: "follow" }));
  return loadFile(path.resolve(target));
}

/**
 * Reads an essay source from an http(s) URL an editor gave on the web, as
 * `loadSource` does, but only from the public internet (see fetchPublicPage):
 * the command line's operator may import from their own network, a web
 * request may not.
 */
export async function loadPublicUrl(target: string): Promise<LoadedSource> {
  const { fetchPublicPage } = await import("./fetch-public-page");
  return loadUrl(target, (url, init) => fetchPublicPage(url, { ...init, maxBytes: MAX_SOURCE_BYTES }));
}

/** Loads a source the browser sent as text: a pasted article or an uploaded file's content, named for its format. */
export function loadSentText(content: string, name: string | null, format?: SourceFormat): LoadedSource {
  const checked = decodeText(name ?? "The pasted text", Buffer.from(content, "utf8"));
  checkSize(name ?? "The pasted text", Buffer.byteLength(content, "utf8"));
  const extension = name ? path.extname(name).toLowerCase() : "";
  return { content: checked, format: format ?? EXTENSION_FORMATS[extension] ?? sniffFormat(checked), origin: name ? `upload:${path.basename(name)}` : "pasted text" };
}

type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

async function loadFile(file: string): Promise<LoadedSource> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new AppError("BAD_REQUEST", `${file}: file not found. Check the path and try again.`);
  if (info.isDirectory()) throw new AppError("BAD_REQUEST", `${file} is a directory. Give the path of one essay file (.txt, .md or .html).`);
  checkSize(file, info.size);
  const content = decodeText(file, await readFile(file));
  return { content, format: EXTENSION_FORMATS[path.extname(file).toLowerCase()] ?? sniffFormat(content), origin: file };
}

async function loadUrl(url: string, fetcher: Fetcher): Promise<LoadedSource> {
  let response: Response;
  try {
    response = await fetcher(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: "text/html, text/markdown, text/plain;q=0.9" } });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${FETCH_TIMEOUT_MS / 1000} seconds` : "could not connect";
    throw new AppError("BAD_REQUEST", `${url} could not be reached (${reason}). Check the address and your connection, or save the page and import the file.`, { cause: error });
  }
  if (!response.ok) throw new AppError("BAD_REQUEST", `${url} answered ${response.status} ${response.statusText}. Check the address, or save the page and import the file.`);
  const type = response.headers.get("content-type") ?? "";
  if (type && !/^text\/|^application\/(xhtml\+xml|xml)/i.test(type)) {
    throw new AppError("BAD_REQUEST", `${url} is ${type.split(";")[0]}, not a text or HTML page.`);
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared) checkSize(url, declared);
  const bytes = Buffer.from(await response.arrayBuffer());
  checkSize(url, bytes.length);
  const content = decodeText(url, bytes);
  const format: SourceFormat = /html/i.test(type) ? "html" : /markdown/i.test(type) ? "markdown" : sniffFormat(content);
  return { content, format, origin: response.headers.get("x-final-url") || response.url || url };
}

function checkSize(where: string, bytes: number) {
  if (bytes > MAX_SOURCE_BYTES) {
    const megabytes = (bytes / 1024 / 1024).toFixed(1);
    throw new AppError("BAD_REQUEST", `${where} is ${megabytes} MB, larger than the 2 MB limit. An essay is far smaller: import the article alone.`);
  }
}

function decodeText(where: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", `${where} is empty. Copy the article's text into it and try again.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", `${where} looks like binary data, not UTF-8 text. Import a .txt, .md or .html file.`);
  }
  if (text.includes("\u0000")) throw new AppError("BAD_REQUEST", `${where} looks like binary data, not text. Import a .txt, .md or .html file.`);
  if (!text.trim()) throw new AppError("BAD_REQUEST", `${where} is empty (only whitespace). Copy the article's text into it and try again.`);
  return text.replace(/^\uFEFF/, "");
}

/** Guesses the format of a source whose name or content type does not say. */
export function sniffFormat(content: string): SourceFormat {
  const head = content.trimStart().slice(0, 512).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<(article|body|p|div)[\s>]/.test(head)) return "html";
  if (/^---\r?\n[\s\S]*?\r?\n---/.test(content.trimStart()) || /^#{1,2} \S/m.test(content)) return "markdown";
  return "text";
}
