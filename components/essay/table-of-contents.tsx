"use client";

import { useEffect, useState } from "react";

/**
 * The essay's contents, marking (aria-current) the section being read. A
 * section is current from when its heading passes the top fifth of the
 * screen until the next one does; before the first heading none is.
 */
export function TableOfContents({ headings }: { headings: { id: string; text: string }[] }) {
  const [current, setCurrent] = useState<string | null>(null);

  useEffect(() => {
    const elements = headings.map((heading) => document.getElementById(heading.id)).filter((element): element is HTMLElement => element !== null);
    if (elements.length === 0) return;
    // Each crossing of the line re-reads which headings are above it; the last of those is current.
    const pick = () => {
      const line = window.innerHeight * 0.2;
      const above = elements.filter((element) => element.getBoundingClientRect().top <= line);
      setCurrent(above.at(-1)?.id ?? null);
    };
    const observer = new IntersectionObserver(pick, { rootMargin: "0px 0px -80% 0px" });
    for (const element of elements) observer.observe(element);
    // A jump (a link, Home/End) can carry a heading across the band between two observations.
    window.addEventListener("scrollend", pick);
    pick();
    return () => {
      observer.disconnect();
      window.removeEventListener("scrollend", pick);
    };
  }, [headings]);

  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc__title">
        Contents
      </h2>
      <ol className="toc__list">
        {headings.map((heading) => (
          <li key={heading.id}>
            <a href={`#${heading.id}`} aria-current={heading.id === current ? "location" : undefined}>
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
