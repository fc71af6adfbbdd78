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

export function teamDataCache<T>(maxEntries: number) {
  // A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
  const entries = new Map<string, Entry<T>>();
  return async function read(team: TeamVersion, key: string, load: () => Promise<T>): Promise<T> {
    const id = `${team.id}|${key}`;
    const hit = entries.get(id);
    if (hit?.version === team.dataVersion) {
      entries.delete(id);
      entries.set(id, hit);
      return hit.value;
    }
    const value = await load();
    // A slower request that read an older version must not replace a newer entry.
    const current = entries.get(id);
    if (!current || current.version < team.dataVersion) {
      entries.delete(id);
      entries.set(id, { version: team.dataVersion, value });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return value;
  };
}
