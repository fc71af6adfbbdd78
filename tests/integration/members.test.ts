// Members actions against a real database: invitations (mail, accept, single use, revoke),
// roles and their version guard, the last-owner rule, ownership transfer, tenancy and seats.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

import "@/app/t/[team]/settings/members/actions";
import "@/app/t/[team]/settings/api-keys/actions";
import "@/app/t/[team]/dashboards/actions";
import "@/app/t/[team]/scorecards/actions";
import { listPendingInvitations } from "@/db/queries/invitations";
import { findMembershipByUser, insertMembership, listMembers } from "@/db/queries/memberships";
import { listOutbox } from "@/db/queries/outbox";
import { findMemberTeam, type Role } from "@/db/queries/teams";
import { createUser } from "@/db/queries/users";
import type { Team, User } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { actionRegistry } from "@/lib/actions/team-action";
import type { ActionResult } from "@/lib/actions/result";
import { clock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/create-team";
import { acceptInvitation, describeInvitation } from "@/lib/teams/invitations";
import { authenticateApiKey } from "@/lib/api/authenticate";
import { openSharedDashboard } from "@/lib/sharing/shared-dashboard";
import { ok, run } from "../support/actions";

let seq = 0;
const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

async function person(label: string): Promise<User> {
  return createUser({ email: `${unique(label)}@example.test`, name: label, emailVerified: clock.now() });
}

async function addMember(team: Team, user: User, role: Role) {
  await inTeam(team.id, (tx) => insertMembership(tx, { teamId: team.id }, user.id, role));
  return membershipOf(team, user);
}

async function membershipOf(team: Team, user: User) {
  return inTeam(team.id, (tx) => findMembershipByUser(tx, { teamId: team.id }, user.id));
}

/** A fresh team with an owner and an admin: one editor seat of the Free plan's three is left. */
async function smallTeam() {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique("Small"));
  const admin = await person("admin");
  await addMember(team, admin, "admin");
  return { team, owner, admin };
}

/** A fresh team with one person per role (all three Free editor seats in use), so tests do not share state. */
async function teamWithRoles(name = "Team") {
  const owner = await person("owner");
  const team = await createTeam(owner.id, unique(name));
  const admin = await person("admin");
  const editor = await person("editor");
  const viewer = await person("viewer");
  await addMember(team, admin, "admin");
  await addMember(team, editor, "editor");
  await addMember(team, viewer, "viewer");
  return { team, owner, admin, editor, viewer };
}

function expectRefused(result: ActionResult, status: number) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (!result.ok) expect(result.status).toBe(status);
  return result as Extract<ActionResult, { ok: false }>;
}

/** The invitation link mailed to `to`, and the token in it. */
async function mailedInvitation(to: string) {
  const [mail] = await listOutbox({ to });
  expect(mail, `no e-mail to ${to}`).toBeDefined();
  const match = new RegExp(`${env().APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/invite/(\\S+)`).exec(mail!.text);
  expect(match, mail!.text).not.toBeNull();
  return { mail: mail!, link: match![0], token: match![1]! };
}

async function pendingInvitations(team: Team) {
  return inTeam(team.id, (tx) => listPendingInvitations(tx, { teamId: team.id }));
}

const MEMBER_ACTIONS = ["members.invite", "members.revoke_invitation", "members.update_role", "members.remove", "members.transfer_ownership", "team.leave"];

beforeAll(() => {
  for (const name of MEMBER_ACTIONS) expect(actionRegistry.has(name), name).toBe(true);
});

describe("inviting", () => {
  it("mails a link that opens the invitation", async () => {
    const { team, admin } = await smallTeam();
    const email = `${unique("new")}@example.test`;
    const result = await run("members.invite", admin, { team: team.slug, email: email.toUpperCase(), role: "editor" });
    expect(result.ok, JSON.stringify(result)).toBe(true);

    const { mail, link, token } = await mailedInvitation(email);
    expect(mail.subject).toContain(team.name);
    expect(mail.text).toContain("as editor");
    expect(link.startsWith(`${env().APP_URL}/invite/${team.id}.`)).toBe(true);
    // The secret is never stored: only its hash.
    expect(JSON.stringify(await pendingInvitations(team))).not.toContain(token.split(".")[1]);

    const found = await describeInvitation(token);
    expect(found?.team.id).toBe(team.id);
    expect(found?.invitation).toMatchObject({ email, role: "editor" });
  });

  it("joins with the invited role, once, and only for the invited address", async () => {
    const { team, owner } = await teamWithRoles();
    const email = `${unique("colleague")}@example.test`;
    expect((await run("members.invite", owner, { team: team.slug, email, role: "viewer" })).ok).toBe(true);
    const { token } = await mailedInvitation(email);

    const stranger = await person("stranger");
    await expect(acceptInvitation(token, stranger)).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect(await findMemberTeam(stranger.id, team.slug)).toBeUndefined();

    // The invited address, but not proven yet: refused (auth-sign-up-team.test.ts has the whole rule).
    const unconfirmed = await createUser({ email, name: "Colleague" });
    await expect(acceptInvitation(token, unconfirmed)).rejects.toMatchObject({ code: "forbidden" });
    const colleague = { ...unconfirmed, emailVerified: clock.now() };
    await expect(acceptInvitation(token, colleague)).resolves.toEqual({ slug: team.slug });
    const joined = await findMemberTeam(colleague.id, team.slug);
    expect(joined?.role).toBe("viewer");

    // Single use: the same link is refused afterwards, even for the invited person.
    await expect(acceptInvitation(token, colleague)).rejects.toBeInstanceOf(AppError);
    await expect(acceptInvitation(token, colleague)).rejects.toMatchObject({ code: "gone" });
    expect(await describeInvitation(token)).toBeNull();
    expect(await pendingInvitations(team)).toEqual([]);
  });

  it("rejects a tampered or malformed token", async () => {
    const { team, owner } = await teamWithRoles();
    const email = `${unique("tamper")}@example.test`;
    await run("members.invite", owner, { team: team.slug, email, role: "viewer" });
    const { token } = await mailedInvitation(email);
    const other = await teamWithRoles("Other");
    expect(await describeInvitation(token.replace(team.id, other.team.id))).toBeNull();
    expect(await describeInvitation(`${token}x`)).toBeNull();
    expect(await describeInvitation("not-a-token")).toBeNull();
  });

  it("replaces an earlier pending invitation to the same address", async () => {
    const { team, owner } = await smallTeam();
    const email = `${unique("twice")}@example.test`;
    await run("members.invite", owner, { team: team.slug, email, role: "viewer" });
    const first = await mailedInvitation(email);
    await run("members.invite", owner, { team: team.slug, email, role: "editor" });
    const second = await mailedInvitation(email);
    expect(second.token).not.toBe(first.token);
    expect(await describeInvitation(first.token)).toBeNull();
    expect((await pendingInvitations(team)).filter((i) => i.email === email)).toHaveLength(1);
  });

  it("refuses an invalid e-mail, an unknown role and an existing member with field errors", async () => {
    const { team, owner, editor } = await teamWithRoles();
    const bad = expectRefused(await run("members.invite", owner, { team: team.slug, email: "not-an-address", role: "editor" }), 422);
    expect(bad.fieldErrors?.email?.[0]).toMatch(/e-mail/i);
    const role = expectRefused(await run("members.invite", owner, { team: team.slug, email: "ok@example.test", role: "owner" }), 422);
    expect(role.fieldErrors?.role?.[0]).toMatch(/role/i);
    const member = expectRefused(await run("members.invite", owner, { team: team.slug, email: editor.email, role: "editor" }), 422);
    expect(member.fieldErrors?.email?.[0]).toContain("already a member");
  });

  it("revokes a pending invitation, after which its link is dead", async () => {
    const { team, admin } = await smallTeam();
    const email = `${unique("revoked")}@example.test`;
    await run("members.invite", admin, { team: team.slug, email, role: "editor" });
    const { token } = await mailedInvitation(email);
    const [invitation] = await pendingInvitations(team);
    expect(invitation?.email).toBe(email);

    expect((await run("members.revoke_invitation", admin, { team: team.slug, invitationId: invitation!.id })).ok).toBe(true);
    expect(await describeInvitation(token)).toBeNull();
    const invitee = await createUser({ email, name: "Too late" });
    await expect(acceptInvitation(token, invitee)).rejects.toMatchObject({ code: "gone" });
    // Revoking twice, or another team's invitation, is a not-found.
    expectRefused(await run("members.revoke_invitation", admin, { team: team.slug, invitationId: invitation!.id }), 404);
  });

  it("cannot revoke another team's invitation through its own team", async () => {
    const a = await teamWithRoles("A");
    const b = await teamWithRoles("B");
    await run("members.invite", b.owner, { team: b.team.slug, email: `${unique("b")}@example.test`, role: "viewer" });
    const [foreign] = await pendingInvitations(b.team);
    expectRefused(await run("members.revoke_invitation", a.owner, { team: a.team.slug, invitationId: foreign!.id }), 404);
    expect(await pendingInvitations(b.team)).toHaveLength(1);
  });
});

describe("roles", () => {
  it("lets an admin change an editor's role, bumping the version", async () => {
    const { team, admin, editor } = await teamWithRoles();
    const before = (await membershipOf(team, editor))!;
    const result = await run("members.update_role", admin, { team: team.slug, membershipId: before.id, role: "viewer", version: before.version });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const after = (await membershipOf(team, editor))!;
    expect(after.role).toBe("viewer");
    expect(after.version).toBe(before.version + 1);
  });

  it("refuses a stale version with 409 and the current state", async () => {
    const { team, admin, owner, editor } = await teamWithRoles();
    const seen = (await membershipOf(team, editor))!;
    expect((await run("members.update_role", owner, { team: team.slug, membershipId: seen.id, role: "admin", version: seen.version })).ok).toBe(true);
    const stale = expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: seen.id, role: "viewer", version: seen.version }), 409);
    expect(stale.current).toMatchObject({ id: seen.id, role: "admin", version: seen.version + 1 });
    expect((await membershipOf(team, editor))!.role).toBe("admin");
  });

  it("refuses managing a role above one's own (403)", async () => {
    const { team, admin, owner, editor } = await teamWithRoles();
    const ownerRow = (await membershipOf(team, owner))!;
    const editorRow = (await membershipOf(team, editor))!;
    expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: ownerRow.id, role: "viewer", version: ownerRow.version }), 403);
    expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: editorRow.id, role: "owner", version: editorRow.version }), 403);
    expect((await membershipOf(team, owner))!.role).toBe("owner");
    expect((await membershipOf(team, editor))!.role).toBe("editor");
  });

  it("validates the role and the version", async () => {
    const { team, admin, editor } = await teamWithRoles();
    const row = (await membershipOf(team, editor))!;
    const bad = expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: row.id, role: "superuser", version: row.version }), 422);
    expect(bad.fieldErrors?.role).toBeDefined();
    expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: row.id, role: "viewer" }), 422);
    expectRefused(await run("members.update_role", admin, { team: team.slug, membershipId: "not-a-uuid", role: "viewer", version: 1 }), 422);
  });
});

describe("the last owner", () => {
  it("can be neither demoted, removed, nor leave", async () => {
    const { team, owner, admin } = await teamWithRoles();
    const row = (await membershipOf(team, owner))!;
    const demote = expectRefused(await run("members.update_role", owner, { team: team.slug, membershipId: row.id, role: "admin", version: row.version }), 422);
    expect(demote.message).toMatch(/last owner/i);
    expectRefused(await run("members.remove", owner, { team: team.slug, membershipId: row.id }), 422);
    expectRefused(await run("members.remove", admin, { team: team.slug, membershipId: row.id }), 403);
    const leave = expectRefused(await run("team.leave", owner, { team: team.slug }), 422);
    expect(leave.message).toMatch(/transfer ownership/i);
    expect((await membershipOf(team, owner))!.role).toBe("owner");
  });

  it("can leave once ownership is transferred", async () => {
    const { team, owner, admin } = await teamWithRoles();
    const adminRow = (await membershipOf(team, admin))!;
    expectRefused(await run("members.transfer_ownership", admin, { team: team.slug, membershipId: adminRow.id }), 403);

    const result = await run("members.transfer_ownership", owner, { team: team.slug, membershipId: adminRow.id });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect((await membershipOf(team, admin))!.role).toBe("owner");
    expect((await membershipOf(team, owner))!.role).toBe("admin");

    // The former owner is now an admin: no more transfers, and the new owner outranks them.
    const ownerRow = (await membershipOf(team, owner))!;
    expectRefused(await run("members.transfer_ownership", owner, { team: team.slug, membershipId: ownerRow.id }), 403);

    // Leaving redirects to the team list.
    await expect(run("team.leave", owner, { team: team.slug })).rejects.toMatchObject({ digest: expect.stringContaining("/teams") });
    expect(await findMemberTeam(owner.id, team.slug)).toBeUndefined();
  });

  it("refuses a transfer to a viewer when no editor seat is left (402), and changes nothing", async () => {
    const { team, owner, viewer } = await teamWithRoles(); // owner + admin + editor: 3 of 3 Free seats
    const viewerRow = (await membershipOf(team, viewer))!;
    const refused = expectRefused(await run("members.transfer_ownership", owner, { team: team.slug, membershipId: viewerRow.id }), 402);
    expect(refused.message).toContain(`/t/${team.slug}/settings/billing`);
    expect((await membershipOf(team, viewer))!.role).toBe("viewer");
    expect((await membershipOf(team, owner))!.role).toBe("owner");
  });

  it("refuses a transfer to a member who changed since the page showed them (409); the owner stays owner", async () => {
    const { team, owner, admin } = await teamWithRoles();
    const shown = (await membershipOf(team, admin))!;
    expect((await run("members.update_role", owner, { team: team.slug, membershipId: shown.id, role: "editor", version: shown.version })).ok).toBe(true);
    expectRefused(await run("members.transfer_ownership", owner, { team: team.slug, membershipId: shown.id, version: shown.version }), 409);
    expect((await membershipOf(team, owner))!.role).toBe("owner");
    expect((await membershipOf(team, admin))!.role).toBe("editor");
  });

  // On PostgreSQL these run in concurrent transactions and race; on PGlite (one connection) they
  // serialize. Either way the team must end with an owner.
  it("keeps an owner when two owners demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const { team, owner } = await teamWithRoles();
      const second = await person("second-owner");
      const secondRow = (await addMember(team, second, "owner"))!;
      const firstRow = (await membershipOf(team, owner))!;
      const results = await Promise.all([
        run("members.update_role", owner, { team: team.slug, membershipId: secondRow.id, role: "admin", version: secondRow.version }),
        run("members.update_role", second, { team: team.slug, membershipId: firstRow.id, role: "admin", version: firstRow.version }),
      ]);
      const owners = (await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id }))).filter((m) => m.role === "owner");
      expect(owners, JSON.stringify(results)).toHaveLength(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    }
  });

  it("keeps an owner when a transfer races the removal of the member it goes to", async () => {
    for (let round = 0; round < 5; round++) {
      const { team, owner, admin } = await teamWithRoles();
      const heir = await person("heir");
      const heirRow = (await addMember(team, heir, "admin"))!;
      await Promise.all([
        run("members.transfer_ownership", owner, { team: team.slug, membershipId: heirRow.id }),
        run("members.remove", admin, { team: team.slug, membershipId: heirRow.id }),
      ]);
      const owners = (await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id }))).filter((m) => m.role === "owner");
      expect(owners).toHaveLength(1);
    }
  });

  it("cannot transfer ownership to themselves", async () => {
    const { team, owner } = await teamWithRoles();
    const row = (await membershipOf(team, owner))!;
    expectRefused(await run("members.transfer_ownership", owner, { team: team.slug, membershipId: row.id }), 422);
  });
});

describe("removing", () => {
  it("ends a removed member's access on their next action (404)", async () => {
    const { team, admin, editor } = await teamWithRoles();
    const row = (await membershipOf(team, editor))!;
    expect((await run("members.remove", admin, { team: team.slug, membershipId: row.id })).ok).toBe(true);
    expect((await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id }))).map((m) => m.userId)).not.toContain(editor.id);
    expectRefused(await run("team.leave", editor, { team: team.slug }), 404);
    expectRefused(await run("members.invite", editor, { team: team.slug, email: "x@example.test", role: "viewer" }), 404);
  });

  it("revokes the API keys and share links the removed member created; everyone else's keep working", async () => {
    const { team, owner, admin } = await teamWithRoles();
    const theirs = await ok<{ secret: string }>(run("api_keys.create", admin, { team: team.slug, name: "Admin's script", scopes: "read" }));
    const ours = await ok<{ secret: string }>(run("api_keys.create", owner, { team: team.slug, name: "Owner's script", scopes: "read" }));
    const scorecard = await ok<{ id: string }>(run("scorecards.create", owner, { team: team.slug, name: "Shared" }));
    const theirLink = await ok<{ token: string }>(run("share_links.create", admin, { team: team.slug, scorecardId: scorecard.id, label: "Board" }));
    const ourLink = await ok<{ token: string }>(run("share_links.create", owner, { team: team.slug, scorecardId: scorecard.id, label: "Investors" }));
    await expect(authenticateApiKey(`Bearer ${theirs.secret}`)).resolves.toBeDefined();
    expect(await openSharedDashboard(theirLink.token, {})).not.toBeNull();

    expect((await run("members.remove", owner, { team: team.slug, membershipId: (await membershipOf(team, admin))!.id })).ok).toBe(true);

    await expect(authenticateApiKey(`Bearer ${theirs.secret}`)).rejects.toMatchObject({ status: 401 });
    expect(await openSharedDashboard(theirLink.token, {})).toBeNull();
    await expect(authenticateApiKey(`Bearer ${ours.secret}`)).resolves.toBeDefined();
    expect(await openSharedDashboard(ourLink.token, {})).not.toBeNull();
  });

  it("refuses an admin removing an owner, and an editor removing anyone", async () => {
    const { team, admin, editor, viewer, owner } = await teamWithRoles();
    expectRefused(await run("members.remove", admin, { team: team.slug, membershipId: (await membershipOf(team, owner))!.id }), 403);
    expectRefused(await run("members.remove", editor, { team: team.slug, membershipId: (await membershipOf(team, viewer))!.id }), 403);
  });

  it("lets anyone but the last owner leave", async () => {
    const { team, viewer } = await teamWithRoles();
    await expect(run("team.leave", viewer, { team: team.slug })).rejects.toMatchObject({ digest: expect.stringContaining("/teams") });
    expect(await findMemberTeam(viewer.id, team.slug)).toBeUndefined();
  });
});

describe("access", () => {
  it("answers 404 to another team's member and 401 to nobody, for every members action", async () => {
    const { team, owner, editor, viewer } = await teamWithRoles();
    const other = await teamWithRoles("Other");
    const editorRow = (await membershipOf(team, editor))!;
    await run("members.invite", owner, { team: team.slug, email: `${unique("p")}@example.test`, role: "viewer" });
    const [invitation] = await pendingInvitations(team);
    const inputs: Record<string, Record<string, unknown>> = {
      "members.invite": { email: "someone@example.test", role: "viewer" },
      "members.revoke_invitation": { invitationId: invitation!.id },
      "members.update_role": { membershipId: editorRow.id, role: "viewer", version: editorRow.version },
      "members.remove": { membershipId: editorRow.id },
      "members.transfer_ownership": { membershipId: editorRow.id },
      "team.leave": {},
    };
    for (const name of MEMBER_ACTIONS) {
      for (const outsider of [other.owner, other.admin, other.viewer]) {
        const result = expectRefused(await run(name, outsider, { team: team.slug, ...inputs[name] }), 404);
        expect(result.message).not.toContain(team.name);
      }
      expectRefused(await run(name, null, { team: team.slug, ...inputs[name] }), 401);
      // An unknown slug is the same not-found as a team one is not in.
      expectRefused(await run(name, viewer, { team: "no-such-team", ...inputs[name] }), 404);
    }
    expect((await membershipOf(team, editor))!.role).toBe("editor");
    expect(await pendingInvitations(team)).toHaveLength(1);
  });

  it("answers 403 to viewers and editors for every managing action", async () => {
    const { team, owner, editor, viewer } = await teamWithRoles();
    await run("members.invite", owner, { team: team.slug, email: `${unique("pending")}@example.test`, role: "viewer" });
    const [invitation] = await pendingInvitations(team);
    const ownerRow = (await membershipOf(team, owner))!;
    for (const actor of [editor, viewer]) {
      const target = (await membershipOf(team, actor === editor ? viewer : editor))!;
      expectRefused(await run("members.invite", actor, { team: team.slug, email: "new@example.test", role: "viewer" }), 403);
      expectRefused(await run("members.revoke_invitation", actor, { team: team.slug, invitationId: invitation!.id }), 403);
      expectRefused(await run("members.update_role", actor, { team: team.slug, membershipId: target.id, role: "viewer", version: target.version }), 403);
      expectRefused(await run("members.remove", actor, { team: team.slug, membershipId: target.id }), 403);
      expectRefused(await run("members.transfer_ownership", actor, { team: team.slug, membershipId: ownerRow.id }), 403);
    }
    expect(await pendingInvitations(team)).toHaveLength(1);
    expect((await inTeam(team.id, (tx) => listMembers(tx, { teamId: team.id })))).toHaveLength(4);
  });
});

describe("Free plan seats", () => {
  it("counts pending invitations and refuses a 4th editor with 402 naming billing; viewers stay free", async () => {
    const owner = await person("seat-owner");
    const team = await createTeam(owner.id, unique("Seats"));
    expect(team.plan).toBe("free");
    // Owner (1) + an admin invitation (2) + an editor invitation (3): the Free plan's three seats.
    expect((await run("members.invite", owner, { team: team.slug, email: `${unique("a")}@example.test`, role: "admin" })).ok).toBe(true);
    expect((await run("members.invite", owner, { team: team.slug, email: `${unique("e")}@example.test`, role: "editor" })).ok).toBe(true);

    const refused = expectRefused(await run("members.invite", owner, { team: team.slug, email: `${unique("fourth")}@example.test`, role: "editor" }), 402);
    expect(refused.code).toBe("payment_required");
    expect(refused.message).toMatch(/billing/i);
    expect(refused.message).toContain(`/t/${team.slug}/settings/billing`);
    expect(refused.fieldErrors?.role?.[0]).toContain("3 of 3");

    for (let i = 0; i < 3; i++) {
      const viewer = await run("members.invite", owner, { team: team.slug, email: `${unique("v")}@example.test`, role: "viewer" });
      expect(viewer.ok, JSON.stringify(viewer)).toBe(true);
    }

    // Promoting a viewer to editor needs a seat too.
    const member = await person("promote");
    const row = (await addMember(team, member, "viewer"))!;
    expectRefused(await run("members.update_role", owner, { team: team.slug, membershipId: row.id, role: "editor", version: row.version }), 402);

    // Revoking a pending editor invitation frees its seat.
    const editorInvitation = (await pendingInvitations(team)).find((i) => i.role === "editor")!;
    await run("members.revoke_invitation", owner, { team: team.slug, invitationId: editorInvitation.id });
    expect((await run("members.invite", owner, { team: team.slug, email: `${unique("now")}@example.test`, role: "editor" })).ok).toBe(true);
  });
});

describe("a malformed invitation token", () => {
  it.each([
    ["dashes where the team id goes", `${"-".repeat(36)}.${"a".repeat(24)}`],
    ["hex of a uuid's length without its shape", `${"a".repeat(36)}.${"a".repeat(24)}`],
    ["a uuid with its dashes misplaced", `0123456-789ab-cdef-0123-456789abcdef0.${"a".repeat(24)}`],
  ])("is an unknown invitation (404/410), never a 500: %s", async (_label, token) => {
    await expect(describeInvitation(token)).resolves.toBeNull();
    await expect(acceptInvitation(token, await person("malformed"))).rejects.toMatchObject({ code: "gone" });
  });
});
