"use server";
// POST /teams — create a team owned by the signed-in person, then open it.
import { redirect } from "next/navigation";
import { z } from "zod";
import { isSlugTaken } from "@/db/queries/teams";
import { userAction } from "@/lib/actions/user-action";
import { unauthenticated, validationError } from "@/lib/errors";
import { availableSlug, createTeam } from "@/lib/teams/create-team";
import { enforceLimits } from "@/lib/rate-limit";
import { requiredText, slug as slugSchema } from "@/lib/validation/primitives";

const taken = () => validationError({ slug: ["This URL name is already taken by another team"] }, "This URL name is taken.");

/** A unique-index violation from either engine (postgres-js puts the code on the error, drizzle on its cause). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export const createTeamAction = userAction("teams.create", {
  auth: "required",
  schema: z.object({
    name: requiredText("Team name", 100),
    slug: z.string().trim().max(200).optional().default(""),
    // "1" once the person typed a URL name themselves; otherwise the suggestion is ours to adjust.
    slugEdited: z.string().optional(),
  }),
  async handler(input, user) {
    if (!user) throw unauthenticated();
    await enforceLimits([["team-create:user", user.id]]);
    let slug: string;
    if (input.slugEdited === "1" && input.slug) {
      const parsed = slugSchema.safeParse(input.slug);
      if (!parsed.success) throw validationError({ slug: parsed.error.issues.map((issue) => issue.message) });
      if (await isSlugTaken(parsed.data)) throw taken();
      slug = parsed.data;
    } else {
      // Not chosen by hand: the suggestion shown in the form may have been taken meanwhile, so pick the next free one.
      slug = await availableSlug(input.name);
    }
    let teamSlug: string;
    try {
      teamSlug = (await createTeam(user.id, input.name, slug)).slug;
    } catch (error) {
      // Two people choosing the same free name at the same moment: the unique index decides.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
    redirect(`/t/${teamSlug}`);
  },
});
