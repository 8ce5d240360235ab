import type { Metadata, Viewport } from "next";
import "@fontsource-variable/source-serif-4/opsz.css";
import "@fontsource-variable/source-serif-4/opsz-italic.css";
import "@fontsource-variable/inter/index.css";
import "./globals.css";
import "./account.css";
import "./highlights.css";
import "./discussion.css";
import "./search.css";
import { SiteHeader } from "@/components/layout/site-header";
import { metadataBase, SITE_NAME, socialMetadata } from "@/lib/site/metadata";

const DESCRIPTION = "Read an essay closely, highlight what matters, and argue about it well.";

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: await metadataBase(),
    applicationName: SITE_NAME,
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: DESCRIPTION,
    // public/: the ICO for browsers that ask for /favicon.ico, the SVG for the rest, the PNG for iOS home screens.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/favicon.svg", type: "image/svg+xml" },
      ],
      apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
    },
    ...socialMetadata({ title: SITE_NAME, description: DESCRIPTION, path: "/", type: "website" }),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#16150f" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Glossa — read closely, argue well.</p>
        </footer>
      </body>
    </html>
  );
}
