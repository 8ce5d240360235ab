import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../../tests/support/chromium";
import { BRAND, markSvg } from "./mark";

// Renders what public/ serves as images: the SVG favicon, favicon.ico (16, 32
// and 48 px), the Apple touch icon (180 px) and the default social card
// (1200×630, used by every essay's Open Graph and Twitter tags). The outputs
// are committed; run this again only when the brand changes:
//
//   node --import tsx scripts/brand/render-assets.ts
//
// Chromium draws them, so the card is set in the site's own fonts.

const ROOT = path.resolve(import.meta.dirname, "../..");
const PUBLIC = path.join(ROOT, "public");
const require = createRequire(import.meta.url);

function fontFace(family: string, file: string, style = "normal"): string {
  const data = readFileSync(require.resolve(file)).toString("base64");
  return `@font-face { font-family: "${family}"; src: url(data:font/woff2;base64,${data}) format("woff2"); font-weight: 100 900; font-style: ${style}; }`;
}

const FONTS = [
  fontFace("Source Serif 4", "@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-normal.woff2"),
  fontFace("Source Serif 4", "@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-italic.woff2", "italic"),
  fontFace("Inter", "@fontsource-variable/inter/files/inter-latin-wght-normal.woff2"),
].join("\n");

const markDataUrl = (rounded: boolean) => `data:image/svg+xml;base64,${Buffer.from(markSvg({ rounded })).toString("base64")}`;

async function screenshot(browser: Browser, html: string, size: number | { width: number; height: number }, transparent = false): Promise<Buffer> {
  const viewport = typeof size === "number" ? { width: size, height: size } : size;
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<!doctype html><html><head><style>${FONTS} html,body{margin:0;width:${viewport.width}px;height:${viewport.height}px;overflow:hidden;background:transparent}</style></head><body>${html}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    return await page.screenshot({ omitBackground: transparent, type: "png" });
  } finally {
    await page.close();
  }
}

const icon = (browser: Browser, size: number, rounded: boolean) => screenshot(browser, `<img src="${markDataUrl(rounded)}" width="${size}" height="${size}" style="display:block">`, size, rounded);

/** An ICO file holding PNG images (the format every browser since IE 11 reads). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** The default social card: the mark and wordmark, the promise, and a passage as a reader marks it up. */
function socialCardHtml(): string {
  return `
  <div style="box-sizing:border-box;width:1200px;height:630px;padding:72px 80px;background:${BRAND.paper};color:${BRAND.ink};display:flex;gap:64px;font-family:'Source Serif 4',serif;position:relative">
    <div style="position:absolute;left:0;right:0;bottom:0;height:14px;background:${BRAND.accent}"></div>
    <div style="flex:1 1 0;display:flex;flex-direction:column;justify-content:space-between">
      <div style="display:flex;align-items:center;gap:24px">
        <img src="${markDataUrl(true)}" width="88" height="88">
        <div style="font-size:84px;font-weight:650;letter-spacing:-0.01em;font-variation-settings:'opsz' 60;line-height:1"><span style="color:${BRAND.accent}">G</span>lossa</div>
      </div>
      <div>
        <div style="font-size:60px;font-weight:600;line-height:1.08;letter-spacing:-0.015em;font-variation-settings:'opsz' 60">Read closely.<br>Argue well.</div>
        <div style="margin-top:24px;font-family:Inter,sans-serif;font-size:26px;line-height:1.4;color:${BRAND.inkSoft}">Highlight what matters, keep notes, and discuss an essay passage by passage.</div>
      </div>
    </div>
    <div style="flex:0 0 390px;align-self:center;background:${BRAND.paperRaised};border:1px solid ${BRAND.rule};border-radius:16px;box-shadow:0 1px 2px rgb(30 25 15 / 0.06), 0 18px 40px rgb(30 25 15 / 0.10);padding:34px 34px 28px">
      <div style="font-size:25px;line-height:1.55;color:${BRAND.ink};font-variation-settings:'opsz' 20">
        A reader who marks a passage is not defacing the book but
        <span style="background:${BRAND.highlight};box-shadow:0 0 0 2px ${BRAND.highlight};border-radius:2px">entering into an argument with it</span>.
      </div>
      <div style="margin-top:24px;border-left:3px solid ${BRAND.accent};padding:6px 0 6px 16px;font-family:Inter,sans-serif">
        <div style="font-size:17px;font-weight:600;color:${BRAND.ink}">@marginalia <span style="font-weight:400;color:${BRAND.inkFaint}">· 3 replies</span></div>
        <div style="margin-top:4px;font-size:18px;line-height:1.4;color:${BRAND.inkSoft}">An argument, yes, but one the author never hears.</div>
      </div>
    </div>
  </div>`;
}

const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
try {
  writeFileSync(path.join(PUBLIC, "favicon.svg"), markSvg({ rounded: true }));
  const frames = [];
  for (const size of [16, 32, 48]) frames.push({ size, png: await icon(browser, size, true) });
  writeFileSync(path.join(PUBLIC, "favicon.ico"), ico(frames));
  writeFileSync(path.join(PUBLIC, "apple-touch-icon.png"), await icon(browser, 180, false));
  writeFileSync(path.join(PUBLIC, "social-card.png"), await screenshot(browser, socialCardHtml(), { width: 1200, height: 630 }));
  console.log("Wrote public/favicon.svg, favicon.ico, apple-touch-icon.png and social-card.png.");
} finally {
  await browser.close();
}
