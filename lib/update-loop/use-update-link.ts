// Opening and using an update link. The link is the only credential: no session is needed, and
// it allows exactly one thing — entering the missing value of one KPI for one period, as that
// KPI's owner. Every check runs again when the value is submitted, inside the transaction that
// records the link as used, so a refused or failed submission leaves the link and the data as they were.
import type { Tx } from "@/db/client";
import { upsertExplanation } from "@/db/queries/kpi-explanations";
import { findMeasurement } from "@/db/queries/measurements";
import { findMembershipByUser } from "@/db/queries/memberships";
import { findKpisInContext, latestValuesByKpi, type KpiInContext, type LatestValues } from "@/db/queries/reminders";
import { findTeamById } from "@/db/queries/teams";
import { findLinkUse, recordLinkUse, setLinkUseMeasurement } from "@/db/queries/update-links";
import { findUserById } from "@/db/queries/users";
import type { Team } from "@/db/schema";
import { inTeam } from "@/db/tenant";
import { authSecret } from "@/lib/auth/session-cookie";
import { can } from "@/lib/auth/permissions";
import { assertTeamWritable } from "@/lib/billing/access";
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { describeTarget } from "@/lib/measurements/grid";
import { formatWithUnit, parseMeasurementValue } from "@/lib/measurements/values";
import { saveMeasurements } from "@/lib/measurements/save-measurements";
import { formatPeriod, localDate } from "@/lib/periods";
import { kpiStatus, type KpiDefinition, type Status } from "@/lib/scoring";
import { notDueReason } from "./due";
import { teamCalendarOf } from "./reminders";
import { verifyUpdateLink, type UpdateLinkClaims } from "./update-link";

export interface LinkForm {
  teamName: string;
  teamSlug: string;
  ownerName: string;
  kpiName: string;
  objectiveTitle: string;
  scorecardName: string;
  period: string;
  periodLabel: string;
  unit: KpiInContext["kpi"]["unit"];
  currency: string | null;
  target: string;
  def: KpiDefinition;
  last: { label: string; value: string } | null;
  expiresOn: string;
}

export type LinkState =
  /** Malformed, tampered, or pointing at nothing: says nothing about any team. */
  | { state: "invalid" }
  | { state: "expired"; expiredOn: string; what: string; teamSlug: string }
  | { state: "used"; usedAt: Date; what: string; teamSlug: string }
  /** Genuine and unused, but it cannot take the value now (the reason says why). */
  | { state: "refused"; message: string; what: string; teamSlug: string }
  | { state: "open"; form: LinkForm };

export interface LinkSubmitted {
  what: string;
  value: string;
  status: Status;
  explained: boolean;
  teamSlug: string;
}

const INVALID = "This update link is not valid. Check that you opened the whole link from the e-mail, or sign in to Cairn to enter your values.";

interface Loaded {
  claims: UpdateLinkClaims;
  team: Team;
  kpi: KpiInContext | undefined;
}

/** Verifies the token and loads its team; undefined (invalid) for anything not genuine. */
async function load(token: string, now: Date): Promise<{ loaded?: Loaded; expired?: { claims: UpdateLinkClaims; team: Team } }> {
  const verified = verifyUpdateLink(token, authSecret(), now);
  if (!verified.ok && verified.reason !== "expired") return {};
  const claims = verified.claims;
  const team = await findTeamById(claims.teamId);
  if (!team) return {};
  if (!verified.ok) return { expired: { claims, team } };
  return { loaded: { claims, team, kpi: undefined } };
}

function describe(kpi: KpiInContext | undefined, claims: UpdateLinkClaims, team: Team): string {
  const calendar = teamCalendarOf(team);
  return kpi ? `${kpi.kpi.name}, ${formatPeriod(claims.period, kpi.kpi.frequency, calendar)}` : `a KPI's value for the period starting ${claims.period}`;
}

interface Refusal {
  code: "gone" | "forbidden" | "payment_required" | "validation" | "conflict";
  message: string;
}

/**
 * Why this genuine, unused link cannot take its value now, or null. Runs inside the team
 * transaction; the same checks guard the page and the submission.
 */
async function refusal(tx: Tx, loaded: Loaded, today: string): Promise<Refusal | null> {
  const { claims, team, kpi } = loaded;
  const ctx = { teamId: team.id };
  if (!kpi) return { code: "gone", message: "This KPI has been deleted since the reminder was sent. Nothing was changed." };
  if (kpi.scorecardArchived) return { code: "gone", message: `The scorecard “${kpi.scorecardName}” has been archived: it takes no new values.` };
  if (kpi.kpi.ownerId !== claims.ownerId) {
    return { code: "forbidden", message: `${kpi.kpi.name} has a new owner since the reminder was sent, so this link no longer works. Its owner can enter the value.` };
  }
  const membership = await findMembershipByUser(tx, ctx, claims.ownerId);
  if (!membership) return { code: "forbidden", message: "You are no longer a member of this team, so this link no longer works." };
  if (!can(membership.role, "measurements.write")) return { code: "forbidden", message: "Your role in this team no longer allows entering values, so this link no longer works." };
  try {
    assertTeamWritable(team);
  } catch (error) {
    if (error instanceof AppError) return { code: "payment_required", message: error.message };
    throw error;
  }
  const notDue = notDueReason(claims.period, kpi.kpi.frequency, teamCalendarOf(team), today);
  if (notDue) return { code: "validation", message: `${kpi.kpi.name}: ${notDue}. Nothing was changed.` };
  const existing = await findMeasurement(tx, ctx, kpi.kpi.id, claims.period);
  if (existing) {
    return {
      code: "conflict",
      message: `${describe(kpi, claims, team)} already has a value (${formatWithUnit(existing.value, kpi.kpi.unit, kpi.kpi.currency)}). This link only enters a missing value; sign in to change it.`,
    };
  }
  return null;
}

/** What the link page shows. Reads only: opening the page (or a mail scanner fetching it) uses nothing up. */
export async function inspectUpdateLink(token: string, now = clock.now()): Promise<LinkState> {
  const { loaded, expired } = await load(token, now);
  if (expired) {
    const kpi = (await inTeam(expired.team.id, (tx) => findKpisInContext(tx, { teamId: expired.team.id }, [expired.claims.kpiId]))).get(expired.claims.kpiId);
    return { state: "expired", expiredOn: localDate(expired.claims.expiresAt, expired.team.timeZone), what: describe(kpi, expired.claims, expired.team), teamSlug: expired.team.slug };
  }
  if (!loaded) return { state: "invalid" };
  const { claims, team } = loaded;
  const ctx = { teamId: team.id };
  return inTeam(team.id, async (tx): Promise<LinkState> => {
    loaded.kpi = (await findKpisInContext(tx, ctx, [claims.kpiId])).get(claims.kpiId);
    const what = describe(loaded.kpi, claims, team);
    const use = await findLinkUse(tx, ctx, claims.nonce);
    if (use) return { state: "used", usedAt: use.usedAt, what, teamSlug: team.slug };
    const reason = await refusal(tx, loaded, localDate(now, team.timeZone));
    if (reason) return { state: "refused", message: reason.message, what, teamSlug: team.slug };
    const { kpi } = loaded.kpi!;
    const calendar = teamCalendarOf(team);
    const values: LatestValues = (await latestValuesByKpi(tx, ctx, [kpi.id], localDate(now, team.timeZone))).get(kpi.id) ?? {};
    const owner = await findUserById(claims.ownerId);
    return {
      state: "open",
      form: {
        teamName: team.name,
        teamSlug: team.slug,
        ownerName: owner?.name ?? owner?.email ?? "the KPI's owner",
        kpiName: kpi.name,
        objectiveTitle: loaded.kpi!.objectiveTitle,
        scorecardName: loaded.kpi!.scorecardName,
        period: claims.period,
        periodLabel: formatPeriod(claims.period, kpi.frequency, calendar),
        unit: kpi.unit,
        currency: kpi.currency,
        target: describeTarget(kpi),
        def: { direction: kpi.direction, target: kpi.target, targetMax: kpi.targetMax, redThreshold: kpi.redThreshold },
        last: values.latest ? { label: formatPeriod(values.latest.period, kpi.frequency, calendar), value: formatWithUnit(values.latest.value, kpi.unit, kpi.currency) } : null,
        expiresOn: localDate(claims.expiresAt, team.timeZone),
      },
    };
  });
}

/**
 * Enters the link's one value (with an optional note, and the reason when it is off track).
 * All-or-nothing: the use is recorded first, in the same transaction, so a second use — even a
 * concurrent one — waits on it and is then refused.
 */
export async function submitUpdateLink(input: { token: string; value: string | number; note?: string; reason?: string }, now = clock.now()): Promise<LinkSubmitted> {
  const { loaded, expired } = await load(input.token, now);
  if (expired) throw new AppError("gone", `This update link expired on ${localDate(expired.claims.expiresAt, expired.team.timeZone)}. Nothing was changed; sign in to enter the value.`);
  if (!loaded) throw new AppError("not_found", INVALID);
  const { claims, team } = loaded;
  const ctx = { teamId: team.id, userId: claims.ownerId };
  const calendar = teamCalendarOf(team);
  const today = localDate(now, team.timeZone);
  return inTeam(team.id, async (tx) => {
    if (!(await recordLinkUse(tx, ctx, { nonce: claims.nonce, kpiId: claims.kpiId, period: claims.period, userId: claims.ownerId }))) {
      throw new AppError("gone", "This update link has already been used: each link enters its value once. Nothing was changed.");
    }
    loaded.kpi = (await findKpisInContext(tx, ctx, [claims.kpiId])).get(claims.kpiId);
    const reason = await refusal(tx, loaded, today);
    if (reason) throw new AppError(reason.code, reason.message);
    const { kpi } = loaded.kpi!;
    const what = describe(loaded.kpi, claims, team);
    const parsed = parseMeasurementValue(input.value, kpi.unit, what);
    if (!parsed.ok) throw new AppError("validation", parsed.message, { fieldErrors: { value: [parsed.message] } });

    const [saved] = await saveMeasurements(tx, ctx, {
      scorecardId: loaded.kpi!.scorecardId,
      calendar,
      today,
      items: [{ kpiId: kpi.id, period: claims.period, value: parsed.value, note: input.note ?? "" }],
    });
    // Someone entered this value between the check and the write: theirs stands (rolls back).
    if (!saved || saved.outcome !== "created") throw new AppError("conflict", `${what} was entered by someone else a moment ago. Nothing was changed.`);
    await setLinkUseMeasurement(tx, ctx, claims.nonce, saved.id);

    const status = kpiStatus({ direction: kpi.direction, target: kpi.target, targetMax: kpi.targetMax, redThreshold: kpi.redThreshold }, saved.value);
    const explained = status === "red" && Boolean(input.reason);
    if (explained) {
      await upsertExplanation(tx, ctx, { kpiId: kpi.id, period: claims.period }, { reason: input.reason!, actionText: null, actionOwnerId: null, actionDueDate: null, authorId: claims.ownerId });
    }
    return { what, value: formatWithUnit(saved.value, kpi.unit, kpi.currency), status, explained, teamSlug: team.slug };
  });
}
