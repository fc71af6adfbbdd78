// The access matrix: every server action and every route handler that touches tenant data,
// enumerated from the code (so a new one cannot be forgotten), × owner, admin, editor,
// viewer, a member of another team, and an anonymous caller.
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDbHandle } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { journeys, kpis, memberships, objectives, scorecards, stages, teams } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import { userActionRegistry } from "@/lib/actions/user-action";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/db/queries/sessions";
import { sessionCookieFor } from "../support/sessions";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const ROOT = path.resolve(__dirname, "../..");
const filesNamed = (name: string, dirs: readonly string[] = ["app"]) =>
  dirs
    .flatMap((dir) =>
      (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => path.basename(f) === name).map((f) => path.join(dir, f).split(path.sep).join("/")),
    )
    .sort();

// The Pages Router holds only the public share pages, each authorized by its share token.
const PAGES_ROUTER_PAGES = (fs.readdirSync(path.join(ROOT, "pages"), { recursive: true }) as string[])
  .filter((f) => f.endsWith(".tsx") && !path.basename(f).startsWith("_"))
  .map((f) => path.join("pages", f).split(path.sep).join("/"))
  .sort();
const SHARE_PAGES: Record<string, string> = {
  "pages/share/[token].tsx": "authorized by the share token (tests/integration/share-links.test.ts, kpi-cards.test.ts)",
  "pages/share/[token]/kpis/[kpiId].tsx": "authorized by the share token (tests/integration/kpi-history.test.ts)",
  "pages/share/[token]/units/[unitId].tsx": "authorized by the share token, within its subtree (tests/integration/share-subtree.test.ts)",
};

// Server actions live beside their routes (app/) or with their domain (lib/<domain>/actions.ts).
const ACTION_FILES = filesNamed("actions.ts", ["app", "lib"]);
const ROUTE_FILES = filesNamed("route.ts");

type Principal = Role | "outsider" | "anonymous";
const PRINCIPALS: Principal[] = ["owner", "admin", "editor", "viewer", "contributor", "outsider", "anonymous"];
const EMAIL: Record<Exclude<Principal, "anonymous">, string> = {
  owner: "owner@acme.test",
  admin: "admin@acme.test",
  editor: "editor@acme.test",
  viewer: "viewer@acme.test",
  contributor: "contributor@acme.test",
  outsider: "owner@globex.test",
};

interface Fixture {
  teamId: string;
  journeyId: string;
  stageId: string;
  scorecardId: string;
  /** A KPI on that scorecard, and its perspective. */
  kpiId: string;
  perspectiveId: string;
}

/**
 * Route handlers, by file. A route file that is not listed here fails the test: whoever
 * adds one must say how it is authorized. `session` routes are called with each principal.
 */
type RouteRule =
  | { kind: "public"; why: string }
  | { kind: "signature"; why: string }
  | {
      kind: "session";
      method: "GET" | "POST";
      permission: Permission;
      params: (f: Fixture) => Record<string, string>;
      url: (f: Fixture) => string;
      body?: (f: Fixture) => unknown;
      /** Sent as the body's Content-Type, as the app's own client does. */
      contentType?: string;
      /** The status an allowed caller gets (200 unless the route answers with no content). */
      ok?: number;
    };

const ROUTES: Record<string, RouteRule> = {
  "app/api/health/route.ts": { kind: "public", why: "liveness; no tenant data" },
  "app/api/auth/[...nextauth]/route.ts": { kind: "public", why: "Auth.js sign-in endpoints; no tenant data" },
  "app/api/sso/callback/route.ts": { kind: "public", why: "single sign-on callback: authorized by the sealed flow cookie and the team's provider (tests/integration/sso.test.ts); no tenant data" },
  "app/api/sso/saml/[team]/metadata/route.ts": { kind: "public", why: "SAML service-provider metadata: derived from the URL alone, no key and no tenant data (tests/integration/sso-saml.test.ts)" },
  "app/api/sso/saml/acs/route.ts": { kind: "signature", why: "SAML ACS: authorized by the team's IdP signature on the response and the stored request its RelayState names (tests/integration/sso-saml.test.ts); no tenant data" },
  "app/api/stripe/webhook/route.ts": { kind: "signature", why: "authorized by the Stripe signature (tests/integration/billing*)" },
  "app/t/[team]/journeys/[journeyId]/export/route.ts": {
    kind: "session",
    method: "GET",
    permission: "journeys.read",
    params: (f) => ({ team: "acme", journeyId: f.journeyId }),
    url: (f) => `http://localhost/t/acme/journeys/${f.journeyId}/export`,
  },
  "app/t/[team]/journeys/[journeyId]/stages/[stageId]/kpis/route.ts": {
    kind: "session",
    method: "GET",
    permission: "journeys.read",
    params: (f) => ({ team: "acme", journeyId: f.journeyId, stageId: f.stageId }),
    url: (f) => `http://localhost/t/acme/journeys/${f.journeyId}/stages/${f.stageId}/kpis`,
  },
  "app/t/[team]/dashboards/[scorecardId]/export/route.ts": {
    kind: "session",
    method: "GET",
    permission: "scorecards.read",
    params: (f) => ({ team: "acme", scorecardId: f.scorecardId }),
    url: (f) => `http://localhost/t/acme/dashboards/${f.scorecardId}/export`,
  },
  "app/t/[team]/dashboards/[scorecardId]/kpis/[kpiId]/history/route.ts": {
    kind: "session",
    method: "GET",
    permission: "scorecards.read",
    params: (f) => ({ team: "acme", scorecardId: f.scorecardId, kpiId: f.kpiId }),
    url: (f) => `http://localhost/t/acme/dashboards/${f.scorecardId}/kpis/${f.kpiId}/history?from=2025-01-01&to=2026-12-31`,
  },
  "app/t/[team]/dashboards/[scorecardId]/kpis/route.ts": {
    kind: "session",
    method: "GET",
    permission: "scorecards.read",
    params: (f) => ({ team: "acme", scorecardId: f.scorecardId }),
    url: (f) => `http://localhost/t/acme/dashboards/${f.scorecardId}/kpis?perspective=${f.perspectiveId}`,
  },
  "app/t/[team]/inbox/count/route.ts": {
    kind: "session",
    method: "GET",
    permission: "team.read",
    params: () => ({ team: "acme" }),
    url: () => "http://localhost/t/acme/inbox/count",
  },
  "app/t/[team]/api/scorecards/[scorecardId]/export/route.ts": {
    kind: "session",
    method: "GET",
    permission: "scorecards.read",
    params: (f) => ({ team: "acme", scorecardId: f.scorecardId }),
    url: (f) => `http://localhost/t/acme/api/scorecards/${f.scorecardId}/export`,
  },
  // Sent without a JSON content type: an allowed caller gets past 401/404/403 to the 415.
  "app/t/[team]/api/scorecards/[scorecardId]/import/route.ts": {
    kind: "session",
    method: "POST",
    permission: "measurements.write",
    params: (f) => ({ team: "acme", scorecardId: f.scorecardId }),
    url: (f) => `http://localhost/t/acme/api/scorecards/${f.scorecardId}/import`,
    body: () => ({ kpiIds: [], rows: [] }),
    ok: 415,
  },
  "app/api/events/route.ts": {
    kind: "session",
    method: "GET",
    permission: "team.read",
    params: () => ({}),
    url: () => "http://localhost/api/events?team=acme",
  },
  "app/api/presence/route.ts": {
    kind: "session",
    method: "POST",
    permission: "team.read",
    params: () => ({}),
    url: () => "http://localhost/api/presence",
    body: (f) => ({ team: "acme", scope: `scorecard:${f.scorecardId}` }),
    contentType: "application/json",
    ok: 204,
  },
};

let fixture: Fixture;
const users = new Map<Principal, SessionUser | null>();
const cookies = new Map<Principal, string>();
let baseline: Array<{ userId: string; role: Role }> = [];

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  for (const file of ACTION_FILES) await import(/* @vite-ignore */ path.join(ROOT, file));
  const [team] = await db.select().from(teams).where(eq(teams.slug, "acme"));
  const [journey] = await inTeam(team!.id, (tx) => tx.select().from(journeys).limit(1));
  const [stage] = await inTeam(team!.id, (tx) => tx.select().from(stages).where(eq(stages.journeyId, journey!.id)).limit(1));
  const [scorecard] = await inTeam(team!.id, (tx) => tx.select().from(scorecards).limit(1));
  const [kpi] = await inTeam(team!.id, (tx) =>
    tx
      .select({ id: kpis.id, perspectiveId: objectives.perspectiveId })
      .from(kpis)
      .innerJoin(objectives, and(eq(objectives.teamId, kpis.teamId), eq(objectives.id, kpis.objectiveId)))
      .where(eq(objectives.scorecardId, scorecard!.id))
      .limit(1),
  );
  fixture = { teamId: team!.id, journeyId: journey!.id, stageId: stage!.id, scorecardId: scorecard!.id, kpiId: kpi!.id, perspectiveId: kpi!.perspectiveId };
  baseline = await inTeam(team!.id, (tx) => tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships));
  users.set("anonymous", null);
  for (const principal of PRINCIPALS.filter((p) => p !== "anonymous") as Array<Exclude<Principal, "anonymous">>) {
    const session = await sessionCookieFor(EMAIL[principal]);
    users.set(principal, session.user);
    cookies.set(principal, session.cookie);
  }
}, 120_000);

/** Undo whatever an allowed action changed about membership, so every cell starts alike. */
async function restoreMemberships() {
  await inTeam(fixture.teamId, async (tx) => {
    for (const { userId, role } of baseline) {
      await tx
        .insert(memberships)
        .values({ teamId: fixture.teamId, userId, role })
        .onConflictDoUpdate({ target: [memberships.teamId, memberships.userId], set: { role } });
    }
  });
}

const REFUSED = new Set([401, 403, 404]);
const cells: string[] = [];
afterAll(() => {
  console.log(
    `access matrix: ${cells.length} cells (${actionRegistry.size} actions + ${Object.values(ROUTES).filter((r) => r.kind === "session").length} session routes) × ${PRINCIPALS.length} principals, and ${[...userActionRegistry.values()].filter((a) => a.auth === "required").length} account actions × anonymous`,
  );
});

describe("access matrix", () => {
  it("knows every route handler in the code", () => {
    const unlisted = ROUTE_FILES.filter((file) => !(file in ROUTES) && !file.startsWith("app/api/v1/"));
    expect(unlisted, "add these route files to ROUTES with their authorization").toEqual([]);
  });

  it("knows every Pages Router page: only the share pages, public behind their token", () => {
    expect(PAGES_ROUTER_PAGES).toEqual(Object.keys(SHARE_PAGES).sort());
  });

  it("found the server actions", () => {
    expect(ACTION_FILES.length).toBeGreaterThan(0);
    expect(actionRegistry.size).toBeGreaterThanOrEqual(8);
  });

  it("refuses or allows every server action for every principal", async () => {
    const failures: string[] = [];
    for (const action of [...actionRegistry.values()].sort((a, b) => a.name.localeCompare(b.name))) {
      for (const principal of PRINCIPALS) {
        await restoreMemberships();
        const expected =
          principal === "anonymous" ? 401 : principal === "outsider" ? 404 : can(principal, action.permission) ? "allowed" : 403;
        let status: number | "redirect";
        try {
          const result = await action.runAs(users.get(principal) ?? null, { team: "acme" });
          status = result.ok ? 200 : result.status;
        } catch (error) {
          // A redirect is the chain completing (e.g. after leaving a team): authorization passed.
          if ((error as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) status = "redirect";
          else throw error;
        }
        cells.push(`${action.name}:${principal}`);
        const ok = expected === "allowed" ? status === "redirect" || (!REFUSED.has(status) && status !== 500) : status === expected;
        if (!ok) failures.push(`${action.name} as ${principal}: expected ${expected}, got ${status}`);
      }
    }
    await restoreMemberships();
    expect(failures).toEqual([]);
  }, 300_000);

  // Account-level actions (outside a team): each signed-in-only one refuses an anonymous caller.
  it("refuses every signed-in-only account action to an anonymous caller", async () => {
    const required = [...userActionRegistry.values()].filter((a) => a.auth === "required");
    expect(required.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        "account.two-factor.start",
        "account.two-factor.confirm",
        "account.two-factor.remove",
        "account.two-factor.recovery-codes",
        "account.passkeys.start",
        "account.passkeys.finish",
        "account.passkeys.rename",
        "account.passkeys.remove",
      ]),
    );
    const failures: string[] = [];
    for (const action of required) {
      const result = await action.runAs(null, { code: "123456" });
      cells.push(`${action.name}:anonymous`);
      if (result.ok || result.status !== 401) failures.push(`${action.name} as anonymous: expected 401, got ${result.ok ? 200 : result.status}`);
    }
    expect(failures).toEqual([]);
  });

  for (const [file, rule] of Object.entries(ROUTES)) {
    if (rule.kind !== "session") continue;
    it(`authorizes ${file} for every principal`, async () => {
      if (!fs.existsSync(path.join(ROOT, file))) return; // not built yet in this checkout
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
      const handler = mod[rule.method]!;
      const failures: string[] = [];
      for (const principal of PRINCIPALS) {
        const headers = new Headers();
        const cookie = cookies.get(principal);
        if (cookie) headers.set("cookie", cookie);
        if (rule.contentType) headers.set("content-type", rule.contentType);
        const body = rule.body ? JSON.stringify(rule.body(fixture)) : undefined;
        const response = await handler(new Request(rule.url(fixture), { method: rule.method, headers, body }), { params: Promise.resolve(rule.params(fixture)) });
        const expected = principal === "anonymous" ? 401 : principal === "outsider" ? 404 : can(principal, rule.permission) ? (rule.ok ?? 200) : 403;
        cells.push(`${file}:${principal}`);
        if (response.status !== expected) failures.push(`${file} as ${principal}: expected ${expected}, got ${response.status}`);
        await response.body?.cancel();
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("a removed member", () => {
  it("is refused on the very next action and route request", async () => {
    const editor = await findUserByEmail("editor@acme.test");
    await inTeam(fixture.teamId, (tx) => tx.delete(memberships).where(eq(memberships.userId, editor!.id)));
    try {
      for (const action of actionRegistry.values()) {
        const result = await action.runAs(users.get("editor")!, { team: "acme" });
        expect(result.ok ? 200 : result.status, action.name).toBe(404);
      }
      const exportRoute = ROUTES["app/t/[team]/journeys/[journeyId]/export/route.ts"]!;
      const file = path.join(ROOT, "app/t/[team]/journeys/[journeyId]/export/route.ts");
      if (exportRoute.kind === "session" && fs.existsSync(file)) {
        const { GET } = await import(/* @vite-ignore */ file);
        const response = await GET(new Request(exportRoute.url(fixture), { headers: { cookie: cookies.get("editor")! } }), {
          params: Promise.resolve(exportRoute.params(fixture)),
        });
        expect(response.status).toBe(404);
      }
    } finally {
      await restoreMemberships();
    }
  });
});

// Keep the demo accounts and the principals in step.
it("covers each demo role", () => {
  expect(new Set(DEMO_ACCOUNTS.map((a) => a.email))).toEqual(new Set(Object.values(EMAIL)));
});
