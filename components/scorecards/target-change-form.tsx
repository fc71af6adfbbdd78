"use client";
// Change a KPI's target (and red threshold, range top) with an optional reason: the KPI
// page's form, which stays open and keeps editing the version it just wrote.
import type { KpiUnit } from "@/lib/kpi-library";
import type { KpiDirection } from "@/lib/scoring";
import { ActionForm, type FormAction } from "./action-form";
import { NumberField, TextField } from "./fields";

export function TargetChangeForm({
  action, team, kpi,
}: {
  action: FormAction;
  team: string;
  kpi: { id: string; unit: KpiUnit; direction: KpiDirection; target: number; targetMax: number | null; redThreshold: number; version: number };
}) {
  const percent = kpi.unit === "percent" ? " (0–100)" : "";
  return (
    <ActionForm key={kpi.id} action={action} team={team} version={kpi.version} submitLabel="Change target" pendingLabel="Saving…">
      {(state) => (
        <>
          {state?.ok ? (
            <p role="status" className="text-sm text-status-green">
              Saved. The change is now in the history below.
            </p>
          ) : null}
          <input type="hidden" name="kpiId" value={kpi.id} />
          <div className="grid gap-4 sm:grid-cols-3">
            <NumberField id="target-change-target" name="target" label={kpi.direction === "range" ? `Bottom of range${percent}` : `Target${percent}`} state={state} required defaultValue={kpi.target} />
            {kpi.direction === "range" ? (
              <NumberField id="target-change-target-max" name="targetMax" label={`Top of range${percent}`} state={state} required defaultValue={kpi.targetMax} />
            ) : null}
            <NumberField id="target-change-red" name="redThreshold" label={`Red threshold${percent}`} state={state} required defaultValue={kpi.redThreshold} />
          </div>
          <TextField id="target-change-reason" name="reason" label="Reason" description="Optional: why the target moves. Kept with the history." state={state} maxLength={500} />
        </>
      )}
    </ActionForm>
  );
}
