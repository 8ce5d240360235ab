import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";

// What link previews (Open Graph, Twitter cards) and search engines are told
// about a page, built one way for the site and for each essay.

export const SITE_NAME = "Glossa";

/** The default card every page shares under (public/social-card.png, drawn by scripts/brand/render-assets.ts). */
export const SOCIAL_CARD = { url: "/social-card.png", width: 1200, height: 630, alt: "Glossa: read closely, argue well." } as const;

/**
 * What relative URLs in metadata (canonical, og:url, og:image) resolve
 * against: NEXTAUTH_URL when it is set, the public URL the site is meant to
 * be reached at; otherwise the origin this request addressed, judged as the
 * same-origin check judges it (forwarded headers only behind TRUST_PROXY).
 */
export async function metadataBase(): Promise<URL> {
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured) return new URL(configured);
  return new URL(publicOrigin(new Request("http://localhost/", { headers: await headers() })));
}

/**
 * The Open Graph and Twitter tags for a page: its title and description, its
 * canonical URL, and the social card. (A page's `openGraph` replaces the
 * layout's whole, so every page passes all of it.)
 */
export function socialMetadata(page: { title: string; description?: string; path: string; type: "website" | "article" }): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: { type: page.type, siteName: SITE_NAME, url: page.path, title: page.title, description: page.description, images: [SOCIAL_CARD] },
    twitter: { card: "summary_large_image", title: page.title, description: page.description, images: [{ url: SOCIAL_CARD.url, alt: SOCIAL_CARD.alt }] },
  };
}
