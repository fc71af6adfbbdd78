// API keys from the settings page's actions: created by admins only, the secret answered once
// and stored only as a hash, listed without it, refused the moment they are revoked, and never
// acting with more than their creator's current role in the team.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/settings/api-keys/actions";
import "@/app/t/[team]/settings/members/actions";
import { getDbHandle } from "@/db/client";
import { listActivity } from "@/db/queries/activity";
import { listApiKeys } from "@/db/queries/api-keys";
import { findMembershipByUser, insertMembership } from "@/db/queries/memberships";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { apiKeys, teams, type Team, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { actionRegistry } from "@/lib/actions/team-action";
import { effectiveScopes } from "@/lib/api/api-key";
import { hashToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { createTeam } from "@/lib/teams/create-team";
import { expectProblem, send } from "./api-helpers";

let acme: Team;
let people: Record<"owner" | "admin" | "editor" | "viewer" | "globex", User>;

function run(name: string, user: User | null, input: Record<string, unknown> | FormData): Promise<ActionResult> {
  return actionRegistry.get(name)!.runAs(user, input);
}

beforeAll(async () => {
  const { db } = await getDbHandle();
  await seedDemo(db);
  acme = (await db.select().from(teams).where(eq(teams.slug, "acme")))[0]!;
  const user = async (email: string) => (await findUserByEmail(email))!;
  people = { owner: await user("owner@acme.test"), admin: await user("admin@acme.test"), editor: await user("editor@acme.test"), viewer: await user("viewer@acme.test"), globex: await user("owner@globex.test") };
});

describe("API keys in team settings", () => {
  it("an admin creates a key: the secret comes back once, only its hash is stored, and it works", async () => {
    const form = new FormData();
    form.set("team", "acme");
    form.set("name", "Warehouse sync");
    form.append("scopes", "write");
    form.append("scopes", "read");
    const result = await run("api_keys.create", people.admin, form);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const created = (result as { data: { id: string; secret: string; prefix: string; scopes: string[] } }).data;
    expect(created.scopes).toEqual(["read", "write"]);
    expect(created.secret).toMatch(new RegExp(`^ck_${acme.id.replace(/-/g, "")}_`));

    const [row] = await inTeam(acme.id, (tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, created.id)));
    // ck_ + 32 hex digits + _ : the secret starts at character 36.
    expect(row!.keyHash).toBe(hashToken(created.secret.slice(36)));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(36));
    expect(created.secret.slice(36).startsWith(row!.prefix)).toBe(true);
    expect(row!.createdBy).toBe(people.admin.id);

    const listed = await inTeam(acme.id, (tx) => listApiKeys(tx, { teamId: acme.id }));
    expect(JSON.stringify(listed)).not.toContain(row!.keyHash);
    expect(listed[0]).toMatchObject({ id: created.id, name: "Warehouse sync", prefix: row!.prefix, scopes: ["read", "write"], lastUsedAt: null, revokedAt: null });

    const activity = await inTeam(acme.id, (tx) => listActivity(tx, { teamId: acme.id }, { entityType: "api_key", entityId: created.id }));
    expect(activity).toHaveLength(1);
    expect(JSON.stringify(activity)).not.toContain(created.secret.slice(36));

    expect((await send("GET", "/api/v1/scorecards", { key: created.secret })).status).toBe(200);
    const [used] = await inTeam(acme.id, (tx) => tx.select().from(apiKeys).where(eq(apiKeys.id, created.id)));
    expect(used!.lastUsedAt).toBeInstanceOf(Date);
  });

  it("a revoked key is refused on its very next request", async () => {
    const result = await run("api_keys.create", people.owner, { team: "acme", name: "Short-lived", scopes: "read" });
    const { id, secret } = (result as { data: { id: string; secret: string } }).data;
    expect((await send("GET", "/api/v1/journeys", { key: secret })).status).toBe(200);
    expect((await run("api_keys.revoke", people.admin, { team: "acme", apiKeyId: id })).ok).toBe(true);
    const refused = await send("GET", "/api/v1/journeys", { key: secret });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    // Revoking twice, or a key that does not exist, is a 404.
    expect(await run("api_keys.revoke", people.admin, { team: "acme", apiKeyId: id })).toMatchObject({ ok: false, status: 404 });
    const listed = await inTeam(acme.id, (tx) => listApiKeys(tx, { teamId: acme.id }));
    expect(listed.find((k) => k.id === id)!.revokedAt).toBeInstanceOf(Date);
  });

  it("refuses editors and viewers (403), other teams (404), and a key with no scope or no name (422)", async () => {
    expect(await run("api_keys.create", people.editor, { team: "acme", name: "x", scopes: "read" })).toMatchObject({ ok: false, status: 403 });
    expect(await run("api_keys.create", people.viewer, { team: "acme", name: "x", scopes: "read" })).toMatchObject({ ok: false, status: 403 });
    expect(await run("api_keys.create", people.globex, { team: "acme", name: "x", scopes: "read" })).toMatchObject({ ok: false, status: 404 });
    expect(await run("api_keys.create", null, { team: "acme", name: "x", scopes: "read" })).toMatchObject({ ok: false, status: 401 });
    const none = await run("api_keys.create", people.admin, { team: "acme", name: "x" });
    expect(none).toMatchObject({ ok: false, status: 422, fieldErrors: { scopes: ["Choose at least one scope: read, write or both"] } });
    const badScope = await run("api_keys.create", people.admin, { team: "acme", name: "x", scopes: ["read", "admin"] });
    expect(badScope).toMatchObject({ ok: false, status: 422 });
    expect(await run("api_keys.create", people.admin, { team: "acme", name: " ", scopes: "read" })).toMatchObject({ ok: false, status: 422, fieldErrors: { name: ["Name is required"] } });

    const [key] = await inTeam(acme.id, (tx) => listApiKeys(tx, { teamId: acme.id }));
    expect(await run("api_keys.revoke", people.editor, { team: "acme", apiKeyId: key!.id })).toMatchObject({ ok: false, status: 403 });
    // Globex's owner names Acme's key in Globex: not found there.
    expect(await run("api_keys.revoke", people.globex, { team: "globex", apiKeyId: key!.id })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("a key acts with at most its creator's current role", () => {
  it("loses write the moment its creator is demoted to viewer, gets it back on re-promotion, and ends when they leave", async () => {
    const stamp = randomUUID().slice(0, 8);
    const owner = await createUser({ email: `key-owner-${stamp}@example.test`, name: "Olive", emailVerified: clock.now() });
    const creator = await createUser({ email: `key-admin-${stamp}@example.test`, name: "Ada", emailVerified: clock.now() });
    const team = await createTeam(owner.id, `Keys ${stamp}`);
    await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, creator.id, "admin"));
    const membership = async () => (await inTeam(team.id, (tx) => findMembershipByUser(tx, { teamId: team.id }, creator.id)))!;
    const setRole = async (role: "viewer" | "editor") => {
      const m = await membership();
      const result = await run("members.update_role", owner, { team: team.slug, membershipId: m.id, role, version: m.version });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    };

    const made = await run("api_keys.create", creator, { team: team.slug, name: "Nightly import", scopes: ["read", "write"] });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const { id, secret } = (made as { data: { id: string; secret: string } }).data;
    const post = () => send("POST", "/api/v1/journeys", { key: secret, body: { name: "From the import" } });
    expect((await post()).status).toBe(201);

    await setRole("viewer");
    const problem = expectProblem(await post(), 403);
    expect(problem.detail).toContain('"write"');
    expect(problem.detail).toContain("viewer");
    // Reading is still within a viewer's role.
    expect((await send("GET", "/api/v1/journeys", { key: secret })).status).toBe(200);
    // The key itself is untouched: what it may do follows its creator's role at each request.
    const listed = (await inTeam(team.id, (tx) => listApiKeys(tx, { teamId: team.id }))).find((k) => k.id === id)!;
    expect(listed).toMatchObject({ scopes: ["read", "write"], creatorRole: "viewer", revokedAt: null });
    expect(effectiveScopes(listed.scopes, listed.creatorRole!)).toEqual(["read"]);

    await setRole("editor");
    expect((await post()).status).toBe(201);
    expect((await inTeam(team.id, (tx) => listApiKeys(tx, { teamId: team.id }))).find((k) => k.id === id)).toMatchObject({ creatorRole: "editor" });

    const removed = await run("members.remove", owner, { team: team.slug, membershipId: (await membership()).id });
    expect(removed.ok, JSON.stringify(removed)).toBe(true);
    expectProblem(await send("GET", "/api/v1/journeys", { key: secret }), 401);
  });
});
