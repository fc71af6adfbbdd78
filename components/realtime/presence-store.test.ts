// Presence is kept per person and scope: a second tab elsewhere neither hides nor moves them.
import { describe, expect, it } from "vitest";
import { PresenceStore } from "./live-provider";

const at = (userId: string, scope: string, extra: { leaving?: boolean; editing?: string } = {}) => ({ userId, name: userId, scope, editing: extra.editing ?? null, at: 0, leaving: extra.leaving });

describe("PresenceStore", () => {
  it("keeps someone in every scope they have a tab in, whichever heartbeat came last", () => {
    const store = new PresenceStore();
    expect(store.update(at("eli", "scorecard:1"))).toBe(true);
    expect(store.update(at("eli", "journey:2"))).toBe(true);
    expect(store.update(at("eli", "scorecard:1"))).toBe(false);
    expect(store.update(at("eli", "journey:2", { editing: "stage:3" }))).toBe(false);
    const scopes = store.getSnapshot().map((e) => `${e.scope}:${e.editing ?? "-"}`);
    expect(scopes.sort()).toEqual(["journey:2:stage:3", "scorecard:1:-"]);
  });

  it("forgets only the scope a person leaves", () => {
    const store = new PresenceStore();
    store.update(at("eli", "scorecard:1"));
    store.update(at("eli", "journey:2"));
    store.update(at("eli", "journey:2", { leaving: true }));
    expect(store.getSnapshot().map((e) => e.scope)).toEqual(["scorecard:1"]);
    expect(store.update(at("eli", "journey:2"))).toBe(true);
  });
});
