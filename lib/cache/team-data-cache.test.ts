import { describe, expect, it } from "vitest";
import { teamDataCache } from "./team-data-cache";

const team = (dataVersion: number, id = "t1") => ({ id, dataVersion });

describe("teamDataCache", () => {
  it("keeps a value while the team's version stands and reloads once it moves", async () => {
    const read = teamDataCache<number>(10);
    let loads = 0;
    const load = async () => ++loads;
    expect(await read(team(1), "k", load)).toBe(1);
    expect(await read(team(1), "k", load)).toBe(1);
    expect(await read(team(2), "k", load)).toBe(2);
    // Keys and teams are separate entries.
    expect(await read(team(2), "other", load)).toBe(3);
    expect(await read(team(2, "t2"), "k", load)).toBe(4);
  });

  it("never replaces a newer entry with a value read at an older version", async () => {
    const read = teamDataCache<string>(10);
    let release!: () => void;
    const slow = read(team(1), "k", () => new Promise<string>((resolve) => (release = () => resolve("old"))));
    expect(await read(team(2), "k", async () => "new")).toBe("new");
    release();
    expect(await slow).toBe("old");
    expect(await read(team(2), "k", async () => "reloaded")).toBe("new");
  });

  it("drops the least recently used entry beyond its size", async () => {
    const read = teamDataCache<string>(2);
    await read(team(1), "a", async () => "a");
    await read(team(1), "b", async () => "b");
    await read(team(1), "a", async () => "a again"); // a is now the most recent
    await read(team(1), "c", async () => "c");
    expect(await read(team(1), "a", async () => "reloaded")).toBe("a");
    expect(await read(team(1), "b", async () => "b reloaded")).toBe("b reloaded");
  });
});
