import type { EssayBlock } from "@/lib/essays/document";

export function TableOfContents({ headings }: { headings: EssayBlock[] }) {
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc__title">
        Contents
      </h2>
      <ol className="toc__list">
        {headings.map((heading) => (
          <li key={heading.id}>
            <a href={`#${heading.id}`}>{heading.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
