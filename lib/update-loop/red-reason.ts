// "Red needs a reason": after a value turns its KPI red, the person is asked why, and offered to
// start an initiative or give someone an action. The dashboard lists red KPIs that have neither
// an explanation nor an open initiative.
import type { Tx } from "@/db/client";
import { recordChange } from "@/db/queries/changes";
import { listExplanations, upsertExplanation } from "@/db/queries/kpi-explanations";
import { findMeasurement } from "@/db/queries/measurements";
import { findKpisInContext, latestValuesByKpi, listOwnerContacts } from "@/db/queries/reminders";
import type { Initiative, KpiExplanation } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { redActionMessage } from "@/lib/mail/templates";
import type { Message } from "@/lib/mail/mailer";
import { describeTarget } from "@/lib/measurements/grid";
import { formatWithUnit } from "@/lib/measurements/values";
import { formatPeriod, type TeamCalendar } from "@/lib/periods";
import { createInitiative } from "@/lib/scorecards/manage-initiatives";
import { assertOwnerIsMember } from "@/lib/scorecards/guards";
import { kpiStatus } from "@/lib/scoring";
import type { ExplainRedInput } from "./validation";

/** A red value just saved that nobody has explained yet: the grid asks about it. */
export interface RedFollowUp {
  kpiId: string;
  kpiName: string;
  period: string;
  periodLabel: string;
  value: string;
  target: string;
  objectiveId: string;
  objectiveTitle: string;
  scorecardId: string;
}

const defOf = (kpi: { direction: "up" | "down" | "range"; target: number; targetMax: number | null; redThreshold: number }) => ({
  direction: kpi.direction,
  target: kpi.target,
  targetMax: kpi.targetMax,
  redThreshold: kpi.redThreshold,
});

/**
 * Among values just saved, those that make their KPI red now — the value is red and is the
 * KPI's latest — and have no explanation for their period yet. Three statements.
 */
export async function findRedFollowUps(
  tx: Tx,
  ctx: { teamId: string },
  saved: ReadonlyArray<{ kpiId: string; period: string; value: number; outcome: "created" | "updated" | "unchanged" }>,
  calendar: TeamCalendar,
  today: string,
): Promise<RedFollowUp[]> {
  const changed = saved.filter((s) => s.outcome !== "unchanged");
  if (changed.length === 0) return [];
  const ids = [...new Set(changed.map((s) => s.kpiId))];
  const kpis = await findKpisInContext(tx, ctx, ids);
  const latest = await latestValuesByKpi(tx, ctx, ids, today);
  const red = changed.filter((s) => {
    const found = kpis.get(s.kpiId);
    return found && latest.get(s.kpiId)?.latest?.period === s.period && kpiStatus(defOf(found.kpi), s.value) === "red";
  });
  if (red.length === 0) return [];
  const explained = new Set((await listExplanations(tx, ctx, red)).map((e) => `${e.kpiId}|${e.period}`));
  return red
    .filter((s) => !explained.has(`${s.kpiId}|${s.period}`))
    .map((s) => {
      const { kpi, objectiveId, objectiveTitle, scorecardId } = kpis.get(s.kpiId)!;
      return {
        kpiId: kpi.id,
        kpiName: kpi.name,
        period: s.period,
        periodLabel: formatPeriod(s.period, kpi.frequency, calendar),
        value: formatWithUnit(s.value, kpi.unit, kpi.currency),
        target: describeTarget(kpi),
        objectiveId,
        objectiveTitle,
        scorecardId,
      };
    });
}

export interface Explained {
  explanation: KpiExplanation;
  initiative: Initiative | null;
  /** The e-mail to the person given the action, sent once the transaction has committed. */
  actionMail: Message | null;
}

/**
 * Records why a KPI is red in a period, with an initiative on its objective or an action for a
 * member when asked. The value must exist and be red: an explanation explains something.
 */
export async function explainRedValue(
  tx: Tx,
  ctx: { teamId: string; teamSlug: string; userId: string | null },
  input: ExplainRedInput,
  context: { calendar: TeamCalendar; today: string; actorName: string },
): Promise<Explained> {
  const found = (await findKpisInContext(tx, ctx, [input.kpiId])).get(input.kpiId);
  if (!found) throw new AppError("not_found", "This KPI was not found.");
  const { kpi } = found;
  const label = `${kpi.name}, ${formatPeriod(input.period, kpi.frequency, context.calendar)}`;
  const measurement = await findMeasurement(tx, ctx, kpi.id, input.period);
  if (!measurement) throw validationError({ period: [`${label} has no value to explain`] }, `${label} has no value to explain.`);
  if (kpiStatus(defOf(kpi), measurement.value) !== "red") {
    throw validationError({ period: [`${label} is not off track any more`] }, `${label} is not off track any more: there is nothing to explain.`);
  }

  const dueNotPast = (field: string, date: string | null) => {
    if (date && date < context.today) throw validationError({ [field]: [`The due date must be today (${context.today}) or later`] });
  };
  let initiative: Initiative | null = null;
  if (input.followUp === "initiative") {
    dueNotPast("initiativeDueDate", input.initiativeDueDate);
    await assertOwnerIsMember(tx, ctx, input.initiativeOwnerId, "initiativeOwnerId");
    initiative = await createInitiative(tx, ctx, {
      objectiveId: found.objectiveId,
      title: input.initiativeTitle,
      description: `Started because ${label} is off track: ${input.reason}`,
      ownerId: input.initiativeOwnerId,
      startDate: context.today,
      dueDate: input.initiativeDueDate,
      status: "planned",
      progress: 0,
      budget: null,
    });
  }
  const action = input.followUp === "action" ? { actionText: input.actionText, actionOwnerId: input.actionOwnerId, actionDueDate: input.actionDueDate } : null;
  if (action) {
    dueNotPast("actionDueDate", action.actionDueDate);
    await assertOwnerIsMember(tx, ctx, action.actionOwnerId, "actionOwnerId");
  }

  const { row, before } = await upsertExplanation(
    tx,
    ctx,
    { kpiId: kpi.id, period: input.period },
    { reason: input.reason, actionText: action?.actionText ?? null, actionOwnerId: action?.actionOwnerId ?? null, actionDueDate: action?.actionDueDate ?? null, authorId: ctx.userId },
  );
  const snapshot = (e: KpiExplanation) => ({ period: e.period, reason: e.reason, action: e.actionText, actionOwnerId: e.actionOwnerId, actionDueDate: e.actionDueDate });
  await recordChange(
    tx,
    ctx,
    { actorId: ctx.userId, entityType: "kpi", entityId: kpi.id, action: "update", field: "explanation", before: before ? snapshot(before) : null, after: snapshot(row), reason: input.reason },
    { parentId: found.scorecardId },
  );

  let actionMail: Message | null = null;
  if (action?.actionOwnerId) {
    const assignee = (await listOwnerContacts(tx, ctx, [action.actionOwnerId])).get(action.actionOwnerId);
    if (assignee) {
      actionMail = redActionMessage(assignee.email, {
        assignedBy: context.actorName,
        kpiName: kpi.name,
        periodLabel: formatPeriod(input.period, kpi.frequency, context.calendar),
        reason: input.reason,
        action: action.actionText,
        dueDate: action.actionDueDate,
        url: `${env().APP_URL.replace(/\/$/, "")}/t/${ctx.teamSlug}/scorecards/${found.scorecardId}/kpis/${kpi.id}`,
      });
    }
  }
  return { explanation: row, initiative, actionMail };
}
