import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WASM from disk at run time; bundling it breaks that (STACK-FACTS.md §3).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // Every page is per-user and sent no-store, so a browser never revalidates with an ETag; Next
  // would still hash each body to make one (a 300 kB share page hashed on every open).
  generateEtags: false,
  // Lets parallel checkouts build side by side (e.g. NEXT_DIST_DIR=.next-e2e); defaults to .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  async headers() {
    // HSTS only where the app is served over https (APP_URL), i.e. in production.
    const https = (process.env.APP_URL ?? "").startsWith("https:");
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https }) }];
  },
};

export default nextConfig;
