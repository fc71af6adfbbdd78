import fs from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/security-headers";

// A second checkout (git worktree) may link node_modules from the first one. Turbopack resolves
// nothing outside its root, so the root is then the closest folder holding both checkouts.
const turbopackRoot = (() => {
  const project = process.cwd();
  const link = path.join(project, "node_modules");
  const target = fs.existsSync(link) ? fs.realpathSync(link) : link;
  if (target === link) return undefined;
  let root = project;
  while (!target.startsWith(root + path.sep)) root = path.dirname(root);
  return root;
})();

const nextConfig: NextConfig = {
  // PGlite loads its WASM from disk at run time; bundling it breaks that (STACK-FACTS.md §3).
  // node-saml (SAML single sign-on) is plain CommonJS with its XML stack (xml-crypto, xmldom,
  // xpath); required from node_modules as the tests run it, including the lib/ modules we use.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@node-saml/node-saml"],
  poweredByHeader: false,
  // Every page is per-user and sent no-store, so a browser never revalidates with an ETag; Next
  // would still hash each body to make one (a 300 kB share page hashed on every open).
  generateEtags: false,
  // Lets parallel checkouts build side by side (e.g. NEXT_DIST_DIR=.next-e2e); defaults to .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  ...(turbopackRoot ? { turbopack: { root: turbopackRoot }, outputFileTracingRoot: turbopackRoot } : {}),
  async headers() {
    // HSTS only where the app is served over https (APP_URL), i.e. in production.
    const https = (process.env.APP_URL ?? "").startsWith("https:");
    return [{ source: "/:path*", headers: staticSecurityHeaders({ https }) }];
  },
};

export default nextConfig;
