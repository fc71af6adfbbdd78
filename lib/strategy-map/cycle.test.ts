import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cycleMessage, findCyclePath, type CauseEffect } from "./cycle";

const link = (causeId: string, effectId: string): CauseEffect => ({ causeId, effectId });

describe("findCyclePath", () => {
  const map = [link("learn", "process"), link("process", "customer"), link("customer", "money"), link("process", "money")];

  it("allows links that keep the map acyclic, including shortcuts and new branches", () => {
    expect(findCyclePath(map, "learn", "money")).toBeNull();
    expect(findCyclePath(map, "learn", "customer")).toBeNull();
    expect(findCyclePath(map, "other", "learn")).toBeNull();
    expect(findCyclePath([], "a", "b")).toBeNull();
  });

  it("refuses a link back down the chain, returning the shortest chain from effect to cause", () => {
    expect(findCyclePath(map, "money", "learn")).toEqual(["learn", "process", "money"]);
    expect(findCyclePath(map, "customer", "process")).toEqual(["process", "customer"]);
  });

  it("refuses the reverse of an existing link and a self-link", () => {
    expect(findCyclePath(map, "process", "learn")).toEqual(["learn", "process"]);
    expect(findCyclePath(map, "learn", "learn")).toEqual(["learn"]);
  });

  it("terminates on graphs that already hold a cycle elsewhere", () => {
    expect(findCyclePath([link("a", "b"), link("b", "a")], "c", "a")).toBeNull();
  });

  it("never lets a cycle in: adding only accepted links keeps every path acyclic", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), { maxLength: 40 }), (attempts) => {
        const accepted: CauseEffect[] = [];
        for (const [cause, effect] of attempts) {
          const path = findCyclePath(accepted, cause, effect);
          if (path === null) accepted.push(link(cause, effect));
          else {
            // The reported chain really exists and closes the loop.
            expect(path[0]).toBe(effect);
            expect(path[path.length - 1]).toBe(cause);
            for (let i = 0; i + 1 < path.length; i++) expect(accepted).toContainEqual(link(path[i]!, path[i + 1]!));
          }
        }
        // Acyclic: a topological order exists (Kahn).
        const indegree = new Map(ids.map((id) => [id, 0]));
        for (const l of accepted) indegree.set(l.effectId, indegree.get(l.effectId)! + 1);
        const queue = ids.filter((id) => indegree.get(id) === 0);
        let seen = 0;
        while (queue.length) {
          const id = queue.pop()!;
          seen++;
          for (const l of accepted.filter((x) => x.causeId === id)) {
            indegree.set(l.effectId, indegree.get(l.effectId)! - 1);
            if (indegree.get(l.effectId) === 0) queue.push(l.effectId);
          }
        }
        expect(seen).toBe(ids.length);
      }),
    );
  });
});

describe("cycleMessage", () => {
  const titles: Record<string, string> = { learn: "Build expert advisors", process: "Resolve on first contact", money: "Grow revenue" };
  const titleOf = (id: string) => titles[id]!;

  it("names both objectives and the chain", () => {
    expect(cycleMessage(["learn", "process", "money"], titleOf)).toBe(
      "“Grow revenue” → “Build expert advisors” would make a cycle: “Build expert advisors” → “Resolve on first contact” → “Grow revenue” already links “Build expert advisors” back to “Grow revenue”",
    );
    expect(cycleMessage(["learn"], titleOf)).toBe("“Build expert advisors” cannot be its own cause");
  });
});
