// The sign-up action answers a new address and one that already has an account after the very
// same work: one password hash, the same redirect, and nothing that depends on the address
// (account, personal team, confirmation token, the one mail) before the answer has left. What
// differs between the two paths runs after it (Next's after()), so the response time cannot tell
// anyone which addresses have accounts. No timing is measured: the test checks the work done.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listOutbox } from "@/db/queries/outbox";
import { listUserTeams } from "@/db/queries/teams";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import { userActionRegistry } from "@/lib/actions/user-action";
import { registerUser } from "@/lib/auth/account";
import { hashPassword } from "@/lib/auth/password";
import { PEER_ADDRESS_HEADER } from "@/lib/rate-limit";

// What after() was handed, run by the test once the answer is in (Next runs it after the response).
const deferred = vi.hoisted(() => [] as Array<() => unknown>);
vi.mock("next/server", async (original) => ({
  ...(await original<typeof import("next/server")>()),
  after: (task: () => unknown) => void deferred.push(task),
}));
// A fresh client address per request, so the per-IP sign-up limit of one test never meets another's.
const peer = vi.hoisted(() => ({ n: 0 }));
vi.mock("next/headers", async (original) => ({
  ...(await original<typeof import("next/headers")>()),
  headers: async () => new Headers({ [PEER_ADDRESS_HEADER]: `198.51.100.${++peer.n}` }),
}));
// The real argon2 hash, counted.
vi.mock("@/lib/auth/password", async (original) => {
  const real = await original<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

const PASSWORD = "granite-cairn-path-42";
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** Runs the sign-up action and returns where it redirects (its answer), or what it answered otherwise. */
async function signUpAnswer(input: Record<string, string>): Promise<unknown> {
  try {
    return await userActionRegistry.get("auth.sign-up")!.runAs(null, input);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

async function runDeferred() {
  const tasks = deferred.splice(0);
  for (const task of tasks) await task();
  return tasks.length;
}

beforeAll(async () => {
  // Loading the actions hashes the sign-in's decoy password once (lib/auth/auth.ts): before any count.
  await import("@/app/(auth)/actions");
});

beforeEach(async () => {
  await runDeferred();
  vi.mocked(hashPassword).mockClear();
});

describe("the sign-up action", () => {
  it("does the same work before answering a new address and a taken one; what differs runs after the answer", async () => {
    const taken = await registerUser({ name: "Owner Of It", email: address("taken"), password: PASSWORD });
    const before = (await findUserById(taken.id))!;
    const mailsToTaken = (await listOutbox({ to: taken.email })).length;
    vi.mocked(hashPassword).mockClear();
    const fresh = address("fresh");

    const answers: unknown[] = [];
    for (const email of [fresh, taken.email.toUpperCase()]) {
      vi.mocked(hashPassword).mockClear();
      answers.push(await signUpAnswer({ name: "Someone", email, password: "another-long-passphrase" }));
      expect(vi.mocked(hashPassword), email).toHaveBeenCalledTimes(1);
    }
    expect(answers[0]).toEqual({ redirect: "/sign-in?signed-up=1" });
    expect(answers[1]).toEqual(answers[0]);

    // Before the answer left, nothing that depends on the address had happened.
    expect(await findUserByEmail(fresh)).toBeUndefined();
    expect(await listOutbox({ to: fresh })).toHaveLength(0);
    expect(await listOutbox({ to: taken.email })).toHaveLength(mailsToTaken);

    // After it: one task per sign-up, each sending exactly one mail, and no more hashing.
    vi.mocked(hashPassword).mockClear();
    expect(await runDeferred()).toBe(2);
    expect(vi.mocked(hashPassword)).toHaveBeenCalledTimes(0);
    const user = (await findUserByEmail(fresh))!;
    expect(user.emailVerified).toBeNull();
    expect(await listUserTeams(user.id)).toEqual([expect.objectContaining({ role: "owner", name: "Someone's team" })]);
    const freshMail = await listOutbox({ to: fresh });
    expect(freshMail.map((m) => m.subject)).toEqual([expect.stringMatching(/Confirm your e-mail/)]);
    const takenMail = await listOutbox({ to: taken.email });
    expect(takenMail).toHaveLength(mailsToTaken + 1);
    expect(takenMail.filter((m) => m.subject === "Someone tried to create a Cairn account with your address")).toHaveLength(1);
    // The existing account is untouched: not its password, not its name.
    expect(await findUserById(taken.id)).toEqual(before);
  });

  it("creates the account once when the same new address signs up twice before either has finished", async () => {
    const email = address("twice");
    for (let i = 0; i < 2; i++) expect(await signUpAnswer({ name: "Twice", email, password: PASSWORD })).toEqual({ redirect: "/sign-in?signed-up=1" });
    expect(await runDeferred()).toBe(2);
    const user = (await findUserByEmail(email))!;
    expect(await listUserTeams(user.id)).toHaveLength(1);
    // The second sign-up found the account the first made: its owner is told, as for any taken address.
    const subjects = (await listOutbox({ to: email })).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/Confirm your e-mail/), "Someone tried to create a Cairn account with your address"]));
  });
});
