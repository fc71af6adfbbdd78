// Share links against a real database: created by editors and up (stored hashed, shown once),
// opened without signing in (view counted), revoked or expired → not found, never across teams,
// and refused to viewers (403), other teams (404) and strangers (401).
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/dashboards/actions";
import "@/app/t/[team]/scorecards/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { addShareLinkViews, listShareLinks } from "@/db/queries/share-links";
import { findUserByEmail } from "@/db/queries/users";
import { scorecards, shareLinks, teams, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { hashToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { loadDashboard } from "@/lib/dashboards/load-dashboard";
import { openSharedDashboard } from "@/lib/sharing/shared-dashboard";
import { flushShareViews } from "@/lib/sharing/share-views";
import SharedDashboardPage, { getServerSideProps as sharePage } from "@/pages/share/[token]";
import { run } from "../support/actions";
import { serverSideProps } from "../support/pages";

type Created = { id: string; url: string; token: string; label: string; expiresAt: string | null; scorecardId: string };

let acme: Team;
let globex: Team;
let scorecardId: string;
let globexScorecardId: string;
let people: Record<"owner" | "admin" | "editor" | "viewer" | "globex", User>;

function refused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error("accepted");
  expect(result.status).toBe(status);
  return result;
}

function accepted<T>(result: ActionResult): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { data: T }).data;
}

const create = async (user: User = people.editor, input: Record<string, unknown> = {}) =>
  accepted<Created>(await run("share_links.create", user, { team: "acme", scorecardId, label: "Board", expiresInDays: "", ...input }));

const row = async (id: string) => (await inTeam(acme.id, (tx) => tx.select().from(shareLinks).where(eq(shareLinks.id, id))))[0]!;

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  globex = (await db.select().from(teams).where(eq(teams.slug, "globex")))[0]!;
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = {
    owner: await user("owner@acme.test"),
    admin: await user("admin@acme.test"),
    editor: await user("editor@acme.test"),
    viewer: await user("viewer@acme.test"),
    globex: await user("owner@globex.test"),
  };
  scorecardId = (await inTeam(acme.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  globexScorecardId = (await inTeam(globex.id, (tx) => tx.select().from(scorecards)))[0]!.id;
  expect(actionRegistry.has("share_links.create")).toBe(true);
  expect(actionRegistry.has("share_links.revoke")).toBe(true);
});

describe("creating a share link", () => {
  it("returns the link once and stores only the hash of its secret", async () => {
    const created = await create(people.editor, { label: "Board, March", expiresInDays: "30" });
    expect(created.url).toBe(`http://localhost:3000/share/${created.token}`);
    const [teamId, secret] = created.token.split(".");
    expect(teamId).toBe(acme.id);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stored = await row(created.id);
    expect(stored).toMatchObject({ teamId: acme.id, scorecardId, label: "Board, March", tokenHash: hashToken(secret!), createdBy: people.editor.id, viewCount: 0, lastViewedAt: null, revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const days = (stored.expiresAt!.getTime() - clock.nowMs()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const [entry] = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "share_link", entityId: created.id }));
    expect(entry).toMatchObject({ action: "create", actorId: people.editor.id });
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it("is allowed to owners and admins, and lists the links with the creator's name only", async () => {
    await create(people.owner, { label: "From the owner" });
    await create(people.admin, { label: "From the admin" });
    const links = await inTeam(acme.id, (tx) => listShareLinks(tx, { teamId: acme.id }, scorecardId));
    const byLabel = new Map(links.map((l) => [l.label, l]));
    expect(byLabel.get("From the owner")!.createdByName).toBe("Dana Whitfield");
    expect(byLabel.get("From the admin")!.createdByName).toBe("Sam Okafor");
    expect(JSON.stringify(links)).not.toContain("@acme.test");
    expect(Object.keys(links[0]!)).not.toContain("tokenHash");
  });

  it("validates the label and the expiry, naming the field", async () => {
    const long = refused(await run("share_links.create", people.editor, { team: "acme", scorecardId, label: "x".repeat(101) }), 422);
    expect(long.fieldErrors?.label?.[0]).toBe("Label must be at most 100 characters");
    const zero = refused(await run("share_links.create", people.editor, { team: "acme", scorecardId, expiresInDays: "0" }), 422);
    expect(zero.fieldErrors?.expiresInDays?.[0]).toBe("Expiry must be at least 1 day");
    const bad = refused(await run("share_links.create", people.editor, { team: "acme", scorecardId: "nope" }), 422);
    expect(bad.fieldErrors?.scorecardId).toBeDefined();
  });

  it("refuses a viewer (403), another team's member (404), a stranger (401) and another team's dashboard (404)", async () => {
    const before = (await inTeam(acme.id, (tx) => tx.select().from(shareLinks))).length;
    refused(await run("share_links.create", people.viewer, { team: "acme", scorecardId, label: "Viewer" }), 403);
    refused(await run("share_links.create", people.globex, { team: "acme", scorecardId, label: "Outsider" }), 404);
    refused(await run("share_links.create", null, { team: "acme", scorecardId, label: "Stranger" }), 401);
    refused(await run("share_links.create", people.editor, { team: "acme", scorecardId: globexScorecardId, label: "Cross" }), 404);
    refused(await run("share_links.create", people.editor, { team: "globex", scorecardId: globexScorecardId, label: "Cross" }), 404);
    expect((await inTeam(acme.id, (tx) => tx.select().from(shareLinks))).length).toBe(before);
    expect((await inTeam(globex.id, (tx) => tx.select().from(shareLinks))).length).toBe(0);
  });
});

describe("opening a share link", () => {
  it("shows the same dashboard without signing in and counts every view", async () => {
    const created = await create();
    const first = await openSharedDashboard(created.token, {});
    expect(first).not.toBeNull();
    const member = (await loadDashboard({ teamId: acme.id }, acme, scorecardId, {}))!;
    expect(first!.model.overall).toEqual(member.model.overall);
    expect(first!.model.perspectives).toEqual(member.model.perspectives);
    expect(first!.teamName).toBe("Acme Outdoor");
    // Owner names only: no member e-mail address reaches the public page.
    expect(JSON.stringify(first)).not.toMatch(/@acme\.test|@globex\.test/);
    await flushShareViews();
    expect(await row(created.id)).toMatchObject({ viewCount: 1 });
    const firstSeen = (await row(created.id)).lastViewedAt!;
    expect(clock.nowMs() - firstSeen.getTime()).toBeLessThan(60_000);

    const second = await openSharedDashboard(created.token, { period: "quarter" });
    expect(second!.model.period.kind).toBe("quarter");
    await flushShareViews();
    const after = await row(created.id);
    expect(after.viewCount).toBe(2);
    expect(after.lastViewedAt!.getTime()).toBeGreaterThanOrEqual(firstSeen.getTime());
  });

  it("is not found once revoked, and a revoked link cannot be revoked again", async () => {
    const created = await create();
    expect(await openSharedDashboard(created.token, {})).not.toBeNull();
    refused(await run("share_links.revoke", people.viewer, { team: "acme", shareLinkId: created.id }), 403);
    refused(await run("share_links.revoke", people.globex, { team: "acme", shareLinkId: created.id }), 404);
    refused(await run("share_links.revoke", null, { team: "acme", shareLinkId: created.id }), 401);
    expect(await openSharedDashboard(created.token, {})).not.toBeNull();

    accepted(await run("share_links.revoke", people.editor, { team: "acme", shareLinkId: created.id }));
    expect(await openSharedDashboard(created.token, {})).toBeNull();
    await flushShareViews();
    const stored = await row(created.id);
    expect(stored.revokedAt).not.toBeNull();
    expect(stored.viewCount).toBe(2); // the refused open was not counted
    refused(await run("share_links.revoke", people.editor, { team: "acme", shareLinkId: created.id }), 404);
    const [entry] = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "share_link", entityId: created.id }));
    expect(entry).toMatchObject({ action: "delete", reason: "revoked", actorId: people.editor.id });
  });

  it("is not found once expired", async () => {
    const created = await create(people.editor, { expiresInDays: "1" });
    expect(await openSharedDashboard(created.token, {})).not.toBeNull();
    expect(await openSharedDashboard(created.token, {}, new Date(clock.nowMs() + 2 * 86_400_000))).toBeNull();
    await inTeam(acme.id, (tx) => tx.update(shareLinks).set({ expiresAt: new Date(clock.nowMs() - 1000) }).where(eq(shareLinks.id, created.id)));
    expect(await openSharedDashboard(created.token, {})).toBeNull();
    await flushShareViews();
    expect((await row(created.id)).viewCount).toBe(1);
  });

  it("never crosses teams: another team's secret under this team's id, or the other way round, is not found", async () => {
    const acmeLink = await create();
    const globexLink = accepted<Created>(await run("share_links.create", people.globex, { team: "globex", scorecardId: globexScorecardId, label: "Globex board" }));
    const acmeSecret = acmeLink.token.split(".")[1];
    const globexSecret = globexLink.token.split(".")[1];
    expect(await openSharedDashboard(`${acme.id}.${globexSecret}`, {})).toBeNull();
    expect(await openSharedDashboard(`${globex.id}.${acmeSecret}`, {})).toBeNull();
    const globexOpen = await openSharedDashboard(globexLink.token, {});
    expect(globexOpen!.model.scorecard.name).toBe("Globex scorecard");
    await flushShareViews();
    expect((await row(acmeLink.id)).viewCount).toBe(0);
  });

  it("is not found for an unknown or malformed token", async () => {
    expect(await openSharedDashboard(`${acme.id}.${"A".repeat(43)}`, {})).toBeNull();
    expect(await openSharedDashboard(`${crypto.randomUUID()}.${"A".repeat(43)}`, {})).toBeNull();
    expect(await openSharedDashboard("not-a-token", {})).toBeNull();
    expect(await openSharedDashboard(`${acme.id}.short`, {})).toBeNull();
  });

  it("stops working when its dashboard is deleted", async () => {
    const created = await create();
    const { db } = await getDbHandle();
    const [card] = await inTeam(acme.id, (tx) => tx.insert(scorecards).values({ teamId: acme.id, name: "Temporary" }).returning());
    const temp = accepted<Created>(await run("share_links.create", people.editor, { team: "acme", scorecardId: card!.id, label: "Temp" }));
    expect(await openSharedDashboard(temp.token, {})).not.toBeNull();
    await inTeam(acme.id, (tx) => tx.delete(scorecards).where(eq(scorecards.id, card!.id)), db);
    expect(await openSharedDashboard(temp.token, {})).toBeNull();
    expect(await openSharedDashboard(created.token, {})).not.toBeNull();
  });
});

describe("the share page", () => {
  it("is server HTML with every KPI card and its chart link, and no script but the print button's, under the request's nonce", async () => {
    const created = await create();
    const page = await serverSideProps(sharePage, `/share/${created.token}`, { token: created.token }, { "x-nonce": "test-nonce" });
    expect(page.status).toBe(200);
    expect(page.headers["x-robots-tag"]).toBe("noindex, nofollow");
    const html = renderToStaticMarkup(createElement(SharedDashboardPage, page.props));
    const kpis = page.props.shared!.model.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis));
    expect(kpis.length).toBeGreaterThan(0);
    for (const kpi of kpis) {
      expect(html).toContain(`data-testid="kpi-${kpi.id}"`);
      expect(html).toContain(`href="/share/${encodeURIComponent(created.token)}/kpis/${kpi.id}?period=`);
    }
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script nonce="test-nonce">']);
  });

  it("says a dead link does not work, with a 404 and nothing of the dashboard", async () => {
    const page = await serverSideProps(sharePage, `/share/${acme.id}.${"A".repeat(43)}`, { token: `${acme.id}.${"A".repeat(43)}` });
    expect(page.status).toBe(404);
    const html = renderToStaticMarkup(createElement(SharedDashboardPage, page.props));
    expect(html).toContain("This share link does not work");
    expect(html).not.toContain("Acme");
  });
});

describe("the share page's kept document and its view counts", () => {
  /** One GET of the share page as `next start` serves it: getServerSideProps, then (unless it answered) the render. */
  async function get(token: string, nonce: string, query = "") {
    const page = await serverSideProps(sharePage, `/share/${token}${query ? `?${query}` : ""}`, { token }, { "x-nonce": nonce });
    const rendered = !page.res.writableEnded;
    if (rendered) page.res.end(`<!DOCTYPE html>${renderToStaticMarkup(createElement(SharedDashboardPage, page.props))}`);
    return { status: page.status, rendered, html: page.sent()?.toString("utf8") ?? "", headers: page.res.getHeaders() };
  }

  it("is rendered once per period and data version, then sent as kept under each request's own nonce", async () => {
    const created = await create();
    const first = await get(created.token, "nonce-first");
    expect(first).toMatchObject({ status: 200, rendered: true });
    expect(first.html).toContain('nonce="nonce-first"');
    const again = await get(created.token, "nonce-again");
    expect(again).toMatchObject({ status: 200, rendered: false });
    expect(again.headers).toMatchObject({ "content-type": "text/html; charset=utf-8", "x-robots-tag": "noindex, nofollow" });
    expect(again.headers["cache-control"]).toContain("no-store");
    expect(again.html).toBe(first.html.replaceAll("nonce-first", "nonce-again"));
    expect((await get(created.token, "n3", "period=quarter")).rendered).toBe(true);

    // Any committed change of the team moves its data version: the next open renders anew.
    const [card] = await inTeam(acme.id, (tx) => tx.select().from(scorecards).where(eq(scorecards.id, scorecardId)));
    accepted(await run("scorecards.update", people.editor, { team: "acme", scorecardId, version: card!.version, name: "Acme Outdoor 2026 (board)", description: card!.description ?? "", journeyId: card!.journeyId ?? "" }));
    const renamed = await get(created.token, "n4");
    expect(renamed.rendered).toBe(true);
    expect(renamed.html).toContain("Acme Outdoor 2026 (board)");
    expect((await get(created.token, "n5")).rendered).toBe(false);
  });

  it("stops at once when the link is revoked or expires, kept document or not", async () => {
    const created = await create();
    await get(created.token, "a");
    expect((await get(created.token, "b")).rendered).toBe(false);
    accepted(await run("share_links.revoke", people.editor, { team: "acme", shareLinkId: created.id }));
    const revoked = await get(created.token, "c");
    expect(revoked.status).toBe(404);
    expect(revoked.html).toContain("This share link does not work");
    expect(revoked.html).not.toContain("Acme Outdoor");
  });

  it("counts every open without a write per open, and instances' counts add up", async () => {
    const created = await create();
    await flushShareViews();
    for (let i = 0; i < 25; i++) await get(created.token, `n${i}`);
    expect((await row(created.id)).viewCount).toBe(0); // counted in memory until the next flush
    await flushShareViews();
    const afterFlush = await row(created.id);
    expect(afterFlush.viewCount).toBe(25);
    expect(afterFlush.lastViewedAt).not.toBeNull();
    // Two instances flushing their own counts: increments, so neither overwrites the other.
    const at = new Date(clock.nowMs() + 60_000);
    await Promise.all([
      inTeam(acme.id, (tx) => addShareLinkViews(tx, { teamId: acme.id }, [{ linkId: created.id, count: 3, lastViewedAt: at }])),
      inTeam(acme.id, (tx) => addShareLinkViews(tx, { teamId: acme.id }, [{ linkId: created.id, count: 4, lastViewedAt: new Date(at.getTime() - 30_000) }])),
    ]);
    const total = await row(created.id);
    expect(total.viewCount).toBe(32);
    expect(total.lastViewedAt).toEqual(at);
  });
});
