// Team settings and team creation against a real database: URL-name rules, the version guard,
// deletion by the owner with the exact URL name, and free-slug suggestions.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/settings/actions";
import { insertMembership } from "@/db/queries/memberships";
import { findMemberTeam, findTeamById, listUserTeams, type Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import type { Team, User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import type { ActionResult } from "@/lib/actions/result";
import { availableSlug, createTeam } from "@/lib/teams/create-team";
import { slug as slugSchema } from "@/lib/validation/primitives";
import { run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label });
}

async function teamWithRoles(name = "Team") {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique(name));
  const members: Record<Exclude<Role, "owner" | "contributor">, User> = { admin: await person("admin"), editor: await person("editor"), viewer: await person("viewer") };
  for (const [role, user] of Object.entries(members) as Array<[Role, User]>) {
    await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, user.id, role));
  }
  return { team, owner, ...members };
}

function expectRefused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.status).toBe(status);
  return result as Extract<ActionResult, { ok: false }>;
}

/** Where a call redirected to (Next's redirect() throws an error whose digest carries the URL). */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  throw new Error("expected a redirect");
}

const settings = (team: Team, changes: Record<string, unknown> = {}) => ({
  team: team.slug,
  name: team.name,
  slug: team.slug,
  timeZone: team.timeZone,
  fiscalYearStartMonth: String(team.fiscalYearStartMonth),
  version: String(team.version),
  ...changes,
});

describe("team settings", () => {
  it("saves name, time zone and fiscal-year start and bumps the version", async () => {
    const { team, admin } = await teamWithRoles();
    const result = await run("team.update", admin, settings(team, { name: "  Renamed  ", timeZone: "Europe/Berlin", fiscalYearStartMonth: "4" }));
    expect(result).toMatchObject({ ok: true, data: { slug: team.slug, slugChanged: false } });
    const after = (await findTeamById(team.id))!;
    expect(after).toMatchObject({ name: "Renamed", timeZone: "Europe/Berlin", fiscalYearStartMonth: 4, version: team.version + 1 });
  });

  it("changes the URL name and redirects to the new address", async () => {
    const { team, owner } = await teamWithRoles();
    const next = unique("moved");
    expect(await redirectOf(run("team.update", owner, settings(team, { slug: next.toUpperCase() })))).toBe(`/t/${next}/settings`);
    expect((await findTeamById(team.id))!.slug).toBe(next);
    expect(await findMemberTeam(owner.id, team.slug)).toBeUndefined();
    expect((await findMemberTeam(owner.id, next))?.team.id).toBe(team.id);
  });

  it("validates the URL name with messages naming the field", async () => {
    const { team, owner } = await teamWithRoles();
    for (const [value, message] of [
      ["ab", /at least 3/],
      ["Has Spaces", /lowercase letters, digits/],
      ["double--dash", /single dashes/],
      ["-edge", /single dashes/],
      ["settings", /reserved/],
      ["x".repeat(41), /at most 40/],
    ] as const) {
      const refused = expectRefused(await run("team.update", owner, settings(team, { slug: value })), 422);
      expect(refused.fieldErrors?.slug?.[0], value).toMatch(message);
    }
    expect((await findTeamById(team.id))!.version).toBe(team.version);
  });

  it("refuses another team's URL name", async () => {
    const { team, owner } = await teamWithRoles();
    const other = await teamWithRoles("Other");
    const refused = expectRefused(await run("team.update", owner, settings(team, { slug: other.team.slug })), 422);
    expect(refused.fieldErrors?.slug?.[0]).toMatch(/already taken/);
    expect((await findTeamById(team.id))!.slug).toBe(team.slug);
  });

  it("refuses bad time zones, months and names", async () => {
    const { team, owner } = await teamWithRoles();
    expect(expectRefused(await run("team.update", owner, settings(team, { timeZone: "Mars/Olympus" })), 422).fieldErrors?.timeZone?.[0]).toMatch(/IANA/);
    expect(expectRefused(await run("team.update", owner, settings(team, { fiscalYearStartMonth: "13" })), 422).fieldErrors?.fiscalYearStartMonth).toBeDefined();
    expect(expectRefused(await run("team.update", owner, settings(team, { fiscalYearStartMonth: "" })), 422).fieldErrors?.fiscalYearStartMonth).toBeDefined();
    expect(expectRefused(await run("team.update", owner, settings(team, { name: "   " })), 422).fieldErrors?.name?.[0]).toBe("Team name is required");
  });

  it("refuses a stale version with 409 and the current settings", async () => {
    const { team, owner, admin } = await teamWithRoles();
    expect((await run("team.update", owner, settings(team, { name: "First edit" }))).ok).toBe(true);
    const stale = expectRefused(await run("team.update", admin, settings(team, { name: "Second edit" })), 409);
    expect(stale.current).toMatchObject({ name: "First edit", version: team.version + 1 });
    expect((await findTeamById(team.id))!.name).toBe("First edit");
  });

  it("is for admins and owners only; outsiders get 404", async () => {
    const { team, editor, viewer } = await teamWithRoles();
    const other = await teamWithRoles("Other");
    expectRefused(await run("team.update", editor, settings(team, { name: "Editor was here" })), 403);
    expectRefused(await run("team.update", viewer, settings(team, { name: "Viewer was here" })), 403);
    expectRefused(await run("team.update", other.owner, settings(team, { name: "Outsider" })), 404);
    expectRefused(await run("team.update", null, settings(team)), 401);
    expect((await findTeamById(team.id))!.name).toBe(team.name);
  });
});

describe("deleting a team", () => {
  it("needs the owner and the exact URL name", async () => {
    const { team, owner, admin, viewer } = await teamWithRoles();
    const other = await teamWithRoles("Other");
    expectRefused(await run("team.delete", admin, { team: team.slug, confirmation: team.slug }), 403);
    expectRefused(await run("team.delete", viewer, { team: team.slug, confirmation: team.slug }), 403);
    expectRefused(await run("team.delete", other.owner, { team: team.slug, confirmation: team.slug }), 404);
    for (const wrong of ["", team.slug.toUpperCase(), `${team.slug}x`, team.name]) {
      const refused = expectRefused(await run("team.delete", owner, { team: team.slug, confirmation: wrong }), 422);
      expect(refused.fieldErrors?.confirmation?.[0]).toContain(team.slug);
    }
    expect(await findTeamById(team.id)).toBeDefined();

    expect(await redirectOf(run("team.delete", owner, { team: team.slug, confirmation: ` ${team.slug} ` }))).toBe("/teams");
    expect(await findTeamById(team.id)).toBeUndefined();
    expect(await listUserTeams(admin.id)).toEqual([]);
    expect(await findTeamById(other.team.id)).toBeDefined();
  });
});

describe("creating a team", () => {
  it("makes the creator its owner on the Free plan", async () => {
    const user = await person("creator");
    const team = await createTeam(user.id, "Acme Outdoor Co");
    expect(team).toMatchObject({ name: "Acme Outdoor Co", plan: "free", timeZone: "UTC", version: 1 });
    expect(slugSchema.safeParse(team.slug).success).toBe(true);
    expect(await listUserTeams(user.id)).toEqual([{ id: team.id, name: team.name, slug: team.slug, role: "owner" }]);
  });

  it("suggests a free URL name, numbering taken ones", async () => {
    const user = await person("slugger");
    const name = unique("Zephyr Trails");
    const first = await createTeam(user.id, name);
    expect(first.slug).toBe(name.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
    expect(await availableSlug(name)).toBe(`${first.slug}-2`);
    const second = await createTeam(user.id, name);
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(await availableSlug(name)).toBe(`${first.slug}-3`);
    // Names that slugify to nothing, or too little, still get a valid URL name.
    expect(slugSchema.safeParse(await availableSlug("!!!")).success).toBe(true);
    expect(slugSchema.safeParse(await availableSlug("Ö")).success).toBe(true);
    expect((await listUserTeams(user.id)).map((t) => t.role)).toEqual(["owner", "owner"]);
  });
});
