// Sign-up (one answer whether or not the address has an account; an invitation proves its own address),
// accepting an invitation (only with a proven address), and where sign-in may send someone.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/app/(auth)/callback-url";
import { signInSchema } from "@/app/(auth)/schemas";
import { createInvitation } from "@/db/queries/invitations";
import { listOutbox } from "@/db/queries/outbox";
import { listUserTeams } from "@/db/queries/teams";
import { findUserByEmail, findUserById, markEmailVerified } from "@/db/queries/users";
import { inTeam } from "@/db/tenant";
import { registerUser, signUp } from "@/lib/auth/account";
import { clock } from "@/lib/clock";
import { createTeam } from "@/lib/teams/create-team";
import { acceptInvitation, describeInvitation, newInvitationToken } from "@/lib/teams/invitations";

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

describe("signUp", () => {
  it("creates an unconfirmed account in a team of its own without an invitation, and asks to check the inbox", async () => {
    const details = person("solo");
    expect(await signUp(details)).toEqual({ kind: "check_inbox" });
    const user = (await findUserByEmail(details.email))!;
    expect(user.emailVerified).toBeNull();
    expect(await listUserTeams(user.id)).toEqual([expect.objectContaining({ role: "owner", name: "solo's team" })]);
    expect((await listOutbox({ to: details.email }))[0]!.subject).toMatch(/Confirm your e-mail/);
  });

  it("answers an address that already has an account exactly as a new one, changes nothing and tells the owner", async () => {
    const existing = await registerUser(person("taken"));
    const before = (await findUserById(existing.id))!;
    const fresh = await signUp(person("unused"));
    const taken = await signUp({ name: "Someone Else", email: existing.email.toUpperCase(), password: "another-long-passphrase" });
    expect(taken).toEqual(fresh);
    expect(await findUserById(existing.id)).toEqual(before);
    const [notice] = await listOutbox({ to: existing.email });
    expect(notice!.subject).toBe("Someone tried to create a Cairn account with your address");
    expect(notice!.text).not.toMatch(/reset-password|verify-email/);
  });

  it("joins the invited team with the invited role from the mailed link, confirming the address and spending the token", async () => {
    const details = person("invitee");
    const { team, token } = await invite(details.email, "viewer");
    const outcome = await signUp({ ...details, invite: token });
    expect(outcome).toMatchObject({ kind: "joined", slug: team.slug });
    const user = (await findUserByEmail(details.email))!;
    expect(user.emailVerified).not.toBeNull();
    expect(await listUserTeams(user.id)).toEqual([expect.objectContaining({ slug: team.slug, role: "viewer" })]);
    expect(await describeInvitation(token)).toBeNull();
  });

  it("ignores an invitation sent to someone else: an ordinary, unconfirmed account that cannot accept it either", async () => {
    const intended = person("intended");
    const { team, token } = await invite(intended.email);
    const forwarded = person("forwarded");
    expect(await signUp({ ...forwarded, invite: token })).toEqual({ kind: "check_inbox" });
    const user = (await findUserByEmail(forwarded.email))!;
    expect(user.emailVerified).toBeNull();
    expect((await listUserTeams(user.id)).map((t) => t.slug)).not.toContain(team.slug);
    expect(await describeInvitation(token)).not.toBeNull();
  });

  it("says so when the invited address already has an account: sign in to accept", async () => {
    const details = person("member");
    await registerUser(details);
    const { token } = await invite(details.email);
    await expect(signUp({ ...details, invite: token })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/sign in to accept/) });
  });

  it("gives an unconfirmed account of its own for a used or garbled invitation", async () => {
    const details = person("twice");
    const { team, token } = await invite(details.email);
    expect(await signUp({ ...details, invite: token })).toMatchObject({ kind: "joined", slug: team.slug });
    const late = person("late");
    expect(await signUp({ ...late, invite: token })).toEqual({ kind: "check_inbox" });
    const garbled = person("garbled");
    expect(await signUp({ ...garbled, invite: "not-a-token" })).toEqual({ kind: "check_inbox" });
    expect((await listUserTeams((await findUserByEmail(garbled.email))!.id))[0]!.slug).toMatch(/^garbled/);
  });
});

describe("acceptInvitation", () => {
  it("refuses an account that has not confirmed the invited address, even with the link; accepts once it has", async () => {
    const details = person("unconfirmed");
    const { team, token } = await invite(details.email);
    // An account that only claims the address (anyone can type it at sign-up), then the link.
    const user = await registerUser(details);
    await expect(acceptInvitation(token, user)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/Confirm your e-mail address first/) });
    expect(await listUserTeams(user.id)).toEqual([]);
    await markEmailVerified(user.id);
    expect(await acceptInvitation(token, (await findUserById(user.id))!)).toEqual({ slug: team.slug });
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
