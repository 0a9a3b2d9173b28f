import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// proxy.ts sets the security headers (and the per-request CSP) on everything it sees; Next's
// own build files, which it does not see, get the static ones here.
const staticHeaders = Object.entries(staticSecurityHeaders(process.env.NODE_ENV === "production")).map(
  ([key, value]) => ({ key, value }),
);

const nextConfig: NextConfig = {
  // The Docker image runs the standalone server; `npm start` uses `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // PGlite ships WASM and data files that must not be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "@prisma/schema-engine-wasm",
    "pg-boss",
  ],
  experimental: {
    // proxy.ts sees every request, so Next hands it a copy of the body, cut at this size. The
    // largest upload is a board's results file (lib/board/results-import.ts,
    // RESULTS_IMPORT_MAX_BYTES, 200 MB) plus its form's envelope; the route refuses a bigger one
    // by its Content-Length before reading it (docs/decisions/017-background-jobs.md).
    proxyClientMaxBodySize: "201mb",
    // Board staff upload PDFs through server actions (lib/board/pdf.ts, MAX_UPLOAD_BYTES, 25 MB)
    // plus the form's other fields; the data layer refuses a larger file. Other actions' bodies
    // are a few kilobytes.
    serverActions: { bodySizeLimit: "26mb" },
  },
  async headers() {
    return [{ source: "/_next/static/:path*", headers: staticHeaders }];
  },
};

export default withNextIntl(nextConfig);
