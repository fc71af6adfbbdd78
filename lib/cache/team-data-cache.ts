// Read models kept in this process between requests, each with the team's data_version it was
// read at. The version goes up when any change of the team commits (the activity trigger of
// migration 0007; a rename bumps the renamed person's teams), and callers pass the team row they
// read before reading the data, so an entry of the current version cannot be older than the
// database. Another instance's change reaches here through the same column: nothing to notify.
import type { Team } from "@/db/schema";

interface Entry<T> {
  version: number;
  value: T;
}

export type TeamVersion = Pick<Team, "id" | "dataVersion">;

/** Entries by (team, key), each valid only at the team data version it was stored with. */
export function teamDataStore<T>(maxEntries: number) {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
  const entries = new Map<string, Entry<T>>();
  return {
    /** The entry stored at the team's current version, or undefined. */
    get(team: TeamVersion, key: string): { value: T } | undefined {
      const id = `${team.id}|${key}`;
      const hit = entries.get(id);
      if (hit?.version !== team.dataVersion) return undefined;
      entries.delete(id);
      entries.set(id, hit);
      return { value: hit.value };
    },
    /** Stores a value read at `team.dataVersion`; a slower reader of an older version never replaces a newer entry. */
    set(team: TeamVersion, key: string, value: T): void {
      const id = `${team.id}|${key}`;
      const current = entries.get(id);
      if (current && current.version >= team.dataVersion) return;
      entries.delete(id);
      entries.set(id, { version: team.dataVersion, value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}

export function teamDataCache<T>(maxEntries: number) {
  const store = teamDataStore<T>(maxEntries);
  return async function read(team: TeamVersion, key: string, load: () => Promise<T>): Promise<T> {
    const hit = store.get(team, key);
    if (hit) return hit.value;
    const value = await load();
    store.set(team, key, value);
    return value;
  };
}
