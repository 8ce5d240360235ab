import { describe, expect, it } from "vitest";
import { JSDOM } from "jsdom";
import { markdownExcerpt, renderMarkdown } from "@/lib/markdown/render";

const XSS_CORPUS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)><circle r=10 /></svg>",
  "<svg><script>alert(1)</script></svg>",
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "![img](javascript:alert(1))",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  '<iframe src="https://evil.example"></iframe>',
  '<object data="evil.swf"></object><embed src="evil.swf">',
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;inset:0">overlay</p>',
  '<form action="https://evil.example"><button>go</button></form>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  "<details open ontoggle=alert(1)>",
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<link rel=stylesheet href=https://evil.example/x.css>",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n```",
  '[x](https://ok.example "title" onmouseover=alert(1))',
  "<<script>script>alert(1)<</script>/script>",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  "[a](//evil.example)",
];

/** Everything in the rendered HTML that could run or load something. */
function executableParts(html: string): string[] {
  const document = new JSDOM(`<body>${html}</body>`).window.document;
  const found: string[] = [];
  for (const element of document.body.querySelectorAll("*")) {
    if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "STYLE", "SVG", "MATH", "FORM", "IMG", "BASE", "META", "LINK", "DETAILS"].includes(element.tagName.toUpperCase())) found.push(element.tagName);
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name) || attribute.name === "style" || attribute.name === "src") found.push(`${element.tagName}[${attribute.name}]`);
      if (attribute.name === "href" && !/^(https?:|mailto:)/i.test(attribute.value)) found.push(`href=${attribute.value}`);
    }
  }
  return found;
}

describe("rendering comments", () => {
  it("keeps CommonMark and the GFM subset", () => {
    const html = renderMarkdown(
      "Some *emphasis*, **strong**, ~~struck~~ and `code`.\n\n> quoted\n\n- one\n- two\n\n1. first\n\n```\nblock\n```\n\nA [link](https://example.com) and https://bare.example.",
    );
    expect(html).toContain("<em>emphasis</em>");
    expect(html).toContain("<strong>strong</strong>");
    expect(html).toContain("<s>struck</s>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<ul>");
    expect(html).toContain("<ol>");
    expect(html).toContain("<pre><code>block");
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">link</a>');
    expect(html).toContain('<a href="https://bare.example" rel="nofollow ugc noopener noreferrer">');
  });

  it.each(XSS_CORPUS)("leaves nothing executable from %j", (payload) => {
    const html = renderMarkdown(payload);
    // Payloads may survive as visible text; what matters is that no element or attribute can run or load.
    expect(executableParts(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|img|svg|iframe|style|object|embed|math|form|base|meta|link)\b/i);
  });

  it("shows raw HTML as text rather than markup", () => {
    expect(renderMarkdown("<b>bold?</b>")).toBe("<p>&lt;b&gt;bold?&lt;/b&gt;</p>");
  });

  it("makes a plain-text excerpt", () => {
    expect(markdownExcerpt("**Hello** _there_, [friend](https://x.example).")).toBe("Hello there, friend.");
    expect(markdownExcerpt("word ".repeat(100), 20)).toHaveLength(20);
  });
});

describe("mentions in rendered comments", () => {
  const known = new Set(["ada", "grace-h"]);

  it("links each mentioned account to its profile, keeping the handle as written", () => {
    expect(renderMarkdown("Ask @Ada and @grace-h, not @nobody.", known)).toBe(
      '<p>Ask <a href="/u/ada" rel="nofollow ugc noopener noreferrer">@Ada</a> and <a href="/u/grace-h" rel="nofollow ugc noopener noreferrer">@grace-h</a>, not @nobody.</p>',
    );
    expect(renderMarkdown("**@ada** first", known)).toBe('<p><strong><a href="/u/ada" rel="nofollow ugc noopener noreferrer">@ada</a></strong> first</p>');
  });

  it("leaves code, addresses, links and unknown accounts alone", () => {
    expect(renderMarkdown("`@ada` and\n\n```\n@ada\n```", known)).not.toContain('href="/u/ada"');
    expect(renderMarkdown("write to me@ada.example", known)).not.toContain('href="/u/');
    expect(renderMarkdown("[see @ada](https://example.com)", known)).toBe('<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">see @ada</a></p>');
    expect(renderMarkdown("@ada", new Set())).toBe("<p>@ada</p>");
  });
});
