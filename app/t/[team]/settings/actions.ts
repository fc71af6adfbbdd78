"use server";
// Server actions of the team settings page: rename, change URL, calendar, two-factor requirement, delete the team.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordChange } from "@/db/queries/changes";
import { deleteTeam as deleteTeamRow, getTeam, isSlugTaken, setTeamRequireTwoFactor, updateTeamSettings } from "@/db/queries/teams";
import { teamAction } from "@/lib/actions/team-action";
import { cancelSubscriptionBeforeDelete } from "@/lib/billing/cancel-subscription";
import { AppError } from "@/lib/errors";
import { requiredText, slug } from "@/lib/validation/primitives";

const timeZone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Time zone must be an IANA name such as Europe/Berlin");

export const updateTeam = teamAction("team.update", {
  permission: "team.update",
  schema: z.object({
    name: requiredText("Team name", 100),
    slug,
    timeZone,
    fiscalYearStartMonth: z.coerce.number({ error: "Fiscal year start must be a month" }).int().min(1, "Fiscal year start must be a month").max(12, "Fiscal year start must be a month"),
    version: z.coerce.number().int().positive(),
  }),
  async handler(input, { tx, ctx, user }) {
    const before = await getTeam(tx, ctx);
    if (input.slug !== before.slug && (await isSlugTaken(input.slug))) {
      throw new AppError("validation", "This URL name is taken.", { fieldErrors: { slug: ["This URL name is already taken by another team"] } });
    }
    const { version, ...values } = input;
    const updated = await updateTeamSettings(tx, ctx, values, version);
    if (!updated) {
      const current = { name: before.name, slug: before.slug, timeZone: before.timeZone, fiscalYearStartMonth: before.fiscalYearStartMonth, version: before.version };
      throw new AppError("conflict", "Someone changed the team settings since you opened the page.", { current });
    }
    const changes = (Object.keys(values) as Array<keyof typeof values>).filter((k) => values[k] !== before[k]);
    await recordChange(
      tx,
      ctx,
      changes.map((field) => ({ actorId: user.id, entityType: "team" as const, entityId: ctx.teamId, action: "update" as const, field, before: before[field], after: values[field] })),
    );
    return { slug: updated.slug, slugChanged: updated.slug !== before.slug };
  },
  after(result) {
    revalidatePath("/t/[team]", "layout");
    if (result.slugChanged) redirect(`/t/${result.slug}/settings`);
  },
});

/**
 * Owners and admins may require two-factor sign-in of every member; members without it are
 * sent to set it up before they can use the team. Whoever turns it on must have it already,
 * so nobody locks themselves out with one click.
 */
export const setTwoFactorRequirement = teamAction("team.two-factor-requirement", {
  permission: "team.update",
  schema: z.object({ requireTwoFactor: z.enum(["on", "off"], { error: "Choose on or off" }).transform((v) => v === "on") }),
  async handler({ requireTwoFactor }, { tx, ctx, user, team }) {
    if (requireTwoFactor && !user.twoFactorEnabled) {
      throw new AppError("validation", "Set up two-factor sign-in for yourself first (on your account page).", {
        fieldErrors: { requireTwoFactor: ["Turn on two-factor sign-in on your own account first"] },
      });
    }
    if (team.requireTwoFactor === requireTwoFactor) return { requireTwoFactor };
    await setTeamRequireTwoFactor(tx, ctx, requireTwoFactor);
    await recordChange(tx, ctx, {
      actorId: user.id,
      entityType: "team",
      entityId: ctx.teamId,
      action: "update",
      field: "requireTwoFactor",
      before: team.requireTwoFactor,
      after: requireTwoFactor,
    });
    return { requireTwoFactor };
  },
  after() {
    revalidatePath("/t/[team]", "layout");
  },
});

export const deleteTeam = teamAction("team.delete", {
  permission: "team.delete",
  schema: z.object({ confirmation: z.string().trim() }),
  async handler(input, { tx, ctx }) {
    if (input.confirmation !== ctx.teamSlug) {
      throw new AppError("validation", "Type the team's URL name to confirm.", { fieldErrors: { confirmation: [`Type "${ctx.teamSlug}" exactly to delete this team`] } });
    }
    // The subscription ends first: if Stripe refuses, the team stays.
    await cancelSubscriptionBeforeDelete(tx, ctx);
    await deleteTeamRow(tx, ctx);
    return { deleted: ctx.teamSlug };
  },
  after() {
    redirect("/teams");
  },
});
