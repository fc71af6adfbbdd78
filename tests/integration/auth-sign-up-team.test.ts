// Where a new account lands after sign-up (its invitation or a team of its own), and where sign-in may send it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/app/(auth)/callback-url";
import { signInSchema } from "@/app/(auth)/schemas";
import { teamAfterSignUp } from "@/app/(auth)/sign-up-team";
import { createInvitation } from "@/db/queries/invitations";
import { listUserTeams } from "@/db/queries/teams";
import { inTeam } from "@/db/tenant";
import { registerUser } from "@/lib/auth/account";
import { clock } from "@/lib/clock";
import { createTeam } from "@/lib/teams/create-team";
import { newInvitationToken } from "@/lib/teams/invitations";

const PASSWORD = "granite-cairn-path-42";
let n = 0;
const person = (label: string) => ({ name: label, email: `${label}-${++n}-${randomUUID().slice(0, 8)}@example.test`, password: PASSWORD });

async function invite(email: string, role: "editor" | "viewer" = "editor") {
  const owner = await registerUser(person("owner"));
  const team = await createTeam(owner.id, `Invite Team ${++n}`);
  const { link, tokenHash } = newInvitationToken(team.id);
  await inTeam(team.id, (tx) =>
    createInvitation(tx, { teamId: team.id }, { email, role, tokenHash, invitedBy: owner.id, expiresAt: new Date(clock.nowMs() + 86_400_000) }),
  );
  return { team, token: link.split("/invite/")[1]! };
}

describe("teamAfterSignUp", () => {
  it("creates a personal team without an invitation", async () => {
    const user = await registerUser(person("solo"));
    const slug = await teamAfterSignUp(user, undefined);
    expect(await listUserTeams(user.id)).toEqual([expect.objectContaining({ slug, role: "owner", name: "solo's team" })]);
  });

  it("joins the invited team, with the invited role, when the invitation is for this address", async () => {
    const details = person("invitee");
    const { team, token } = await invite(details.email, "viewer");
    const user = await registerUser(details);
    expect(await teamAfterSignUp(user, token)).toBe(team.slug);
    expect(await listUserTeams(user.id)).toEqual([expect.objectContaining({ slug: team.slug, role: "viewer" })]);
  });

  it("ignores an invitation sent to someone else and gives a personal team instead", async () => {
    const { team, token } = await invite(person("intended").email);
    const user = await registerUser(person("forwarded"));
    const slug = await teamAfterSignUp(user, token);
    expect(slug).not.toBe(team.slug);
    expect((await listUserTeams(user.id)).map((t) => t.slug)).toEqual([slug]);
  });

  it("gives a personal team for a used or garbled invitation", async () => {
    const details = person("twice");
    const { team, token } = await invite(details.email);
    const first = await registerUser(details);
    expect(await teamAfterSignUp(first, token)).toBe(team.slug);
    const other = await registerUser(person("late"));
    expect(await teamAfterSignUp(other, token)).not.toBe(team.slug);
    expect(await teamAfterSignUp(await registerUser(person("garbled")), "not-a-token")).toMatch(/^garbled/);
  });
});

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/t/acme/scorecards?tab=kpis#top")).toBe("/t/acme/scorecards?tab=kpis#top");
    expect(safeCallbackUrl("/account")).toBe("/account");
  });

  it.each([
    ["an absolute URL", "https://evil.test/t/acme"],
    ["a protocol-relative URL", "//evil.test"],
    ["a backslash trick", "/\\evil.test"],
    ["a tab inside the slashes", "/\t/evil.test"],
    ["a dot segment that leaves a protocol-relative path", "/.//evil.example/x"],
    ["a dot-dot segment that leaves a protocol-relative path", "/a/..//evil.example/x"],
    ["an encoded-looking dot segment", "/%2e//evil.example/x"],
    ["another origin that starts like ours", "http://localhost:3000.evil.example/x"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path without a slash", "t/acme"],
    ["nothing", undefined],
    ["a list", ["/a", "/b"]],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackUrl(value)).toBe("/teams");
  });

  it("keeps an absolute URL of the app's own origin, as its path", () => {
    expect(safeCallbackUrl("http://localhost:3000/t/acme?x=1")).toBe("/t/acme?x=1");
  });

  it("is applied by the sign-in form's schema", () => {
    const parsed = signInSchema.parse({ email: "a@example.test", password: "x", callbackUrl: "https://evil.test" });
    expect(parsed.callbackUrl).toBe("/teams");
  });
});
