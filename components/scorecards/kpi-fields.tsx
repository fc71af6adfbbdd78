"use client";
// Every field of a KPI, for the create and edit dialogs (kpi-dialog.tsx), loaded when one opens.
import { useState } from "react";
import type { ActionState } from "@/lib/actions/result";
import type { KpiUnit } from "@/lib/kpi-library";
import { DIRECTION_LABELS, FREQUENCY_LABELS, INDICATOR_LABELS, SOURCE_LABELS, UNIT_LABELS } from "@/lib/scorecards/format";
import type { KpiDirection } from "@/lib/scoring";
import { NumberField, OwnerField, SelectField, TextareaField, TextField, toOptions, type MemberOption } from "./fields";
import type { KpiFormValues } from "./kpi-dialog";

export default function KpiFields({ state, objectiveId, members, kpi }: { state: ActionState; objectiveId: string; members: readonly MemberOption[]; kpi?: KpiFormValues }) {
  const [unit, setUnit] = useState<KpiUnit>(kpi?.unit ?? "percent");
  const [direction, setDirection] = useState<KpiDirection>(kpi?.direction ?? "up");
  const id = kpi?.id ?? `new-${objectiveId}`;
  const percent = unit === "percent" ? " (0–100)" : "";
  return (
    <>
      {kpi ? <input type="hidden" name="kpiId" value={kpi.id} /> : <input type="hidden" name="objectiveId" value={objectiveId} />}
      <TextField id={`${id}-name`} name="name" label="Name" state={state} required defaultValue={kpi?.name} />
      <TextareaField id={`${id}-description`} name="description" label="Description" state={state} defaultValue={kpi?.description} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${id}-unit`} name="unit" label="Unit" state={state} required defaultValue={unit} options={toOptions(UNIT_LABELS)} onChange={(v) => setUnit(v as KpiUnit)} />
        {unit === "currency" ? (
          <TextField id={`${id}-currency`} name="currency" label="Currency (ISO code)" description="For example USD, EUR, GBP." state={state} required defaultValue={kpi?.currency ?? "USD"} maxLength={3} />
        ) : (
          <div aria-hidden="true" className="hidden sm:block" />
        )}
        <SelectField
          id={`${id}-direction`}
          name="direction"
          label="Direction"
          state={state}
          required
          defaultValue={direction}
          options={toOptions(DIRECTION_LABELS)}
          onChange={(v) => setDirection(v as KpiDirection)}
        />
        <NumberField id={`${id}-baseline`} name="baseline" label={`Baseline${percent}`} description="Where you start from (optional)." state={state} defaultValue={kpi?.baseline} />
        <NumberField id={`${id}-target`} name="target" label={direction === "range" ? `Bottom of target range${percent}` : `Target${percent}`} state={state} required defaultValue={kpi?.target} />
        {direction === "range" ? (
          <NumberField id={`${id}-target-max`} name="targetMax" label={`Top of target range${percent}`} state={state} required defaultValue={kpi?.targetMax} />
        ) : null}
        <NumberField
          id={`${id}-red`}
          name="redThreshold"
          label={`Red threshold${percent}`}
          description={
            direction === "up"
              ? "Red below this value; amber between it and the target. Must be below the target."
              : direction === "down"
                ? "Red above this value; amber between the target and it. Must be above the target."
                : "How far outside the range turns red (a distance, above 0)."
          }
          state={state}
          required
          defaultValue={kpi?.redThreshold}
        />
        <SelectField id={`${id}-frequency`} name="frequency" label="Frequency" state={state} required defaultValue={kpi?.frequency ?? "monthly"} options={toOptions(FREQUENCY_LABELS)} />
        <SelectField id={`${id}-indicator`} name="indicator" label="Indicator" description="Leading predicts results; lagging reports them." state={state} required defaultValue={kpi?.indicator ?? "lagging"} options={toOptions(INDICATOR_LABELS)} />
        <SelectField id={`${id}-source`} name="source" label="Source" state={state} defaultValue={kpi?.source ?? "manual"} options={toOptions(SOURCE_LABELS)} />
        <OwnerField id={`${id}-owner`} state={state} members={members} defaultValue={kpi?.ownerId} />
        <NumberField id={`${id}-weight`} name="weight" label="Weight" description="Relative to the objective's other KPIs." state={state} min={0} defaultValue={kpi?.weight ?? 1} />
      </div>
      {kpi ? (
        <TextField
          id={`${id}-reason`}
          name="reason"
          label="Reason for a target change"
          description="Optional. Kept with the target history when the target, range or red threshold changes."
          state={state}
          maxLength={500}
        />
      ) : null}
    </>
  );
}
