import { createTeamWithOwner, isSlugTaken } from "@/db/queries/teams";
import type { Team } from "@/db/schema";
import { clock } from "@/lib/clock";
import { slugify } from "@/lib/validation/primitives";

/** A free slug for `name`: "acme", then "acme-2", "acme-3"… */
export async function availableSlug(name: string): Promise<string> {
  const base = slugify(name).slice(0, 34) || "team";
  const padded = base.length < 3 ? `${base}-team` : base;
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? padded : `${padded}-${n}`;
    if (!(await isSlugTaken(candidate))) return candidate;
  }
  return `${padded}-${clock.nowMs().toString(36)}`;
}

export async function createTeam(ownerId: string, name: string, slug?: string): Promise<Team> {
  return createTeamWithOwner({ name, slug: slug ?? (await availableSlug(name)), ownerId });
}
