"use client";
// The KPI library as a filterable list of checkboxes, for the picker dialog (kpi-library-picker.tsx).
import { useMemo, useState } from "react";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { PERSPECTIVE_KINDS, type PerspectiveKind } from "@/lib/kpi-library";
import { describeThresholds, FREQUENCY_LABELS, INDICATOR_LABELS, PERSPECTIVE_KIND_LABELS } from "@/lib/scorecards/format";
import { libraryForPicker } from "@/lib/scorecards/library";

export default function PickerList({ perspectiveKind, stages, existingNames, idPrefix }: { perspectiveKind: PerspectiveKind; stages: readonly string[]; existingNames: readonly string[]; idPrefix: string }) {
  const [perspective, setPerspective] = useState<PerspectiveKind | "">(perspectiveKind);
  const [stage, setStage] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const all = useMemo(() => libraryForPicker(), []);
  // Ticked templates stay listed when the filters change, so nothing is added unseen.
  const shown = all.filter(
    (t) =>
      selected.has(t.key) ||
      ((perspective === "" || t.perspective === perspective) && (stage === "" || t.stages.some((s) => s.toLowerCase() === stage.toLowerCase()))),
  );
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const existing = new Set(existingNames.map((n) => n.toLowerCase()));
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${idPrefix}-filter-perspective`}>Perspective</Label>
          <Select id={`${idPrefix}-filter-perspective`} value={perspective} onChange={(e) => setPerspective(e.target.value as PerspectiveKind | "")}>
            <option value="">All perspectives</option>
            {PERSPECTIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {PERSPECTIVE_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${idPrefix}-filter-stage`}>Journey stage</Label>
          <Select id={`${idPrefix}-filter-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">All stages</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {shown.length} template{shown.length === 1 ? "" : "s"} · {selected.size} selected
      </p>
      <ul className="flex max-h-[45dvh] flex-col gap-2 overflow-y-auto pr-1">
        {shown.map((t) => {
          const already = existing.has(t.name.toLowerCase());
          return (
            <li key={t.key}>
              <label className={`flex gap-3 rounded-md border p-3 text-sm ${t.issue ? "opacity-70" : "cursor-pointer hover:bg-accent"}`}>
                <input
                  type="checkbox"
                  name="templateKeys"
                  value={t.key}
                  checked={selected.has(t.key)}
                  onChange={(e) => toggle(t.key, e.target.checked)}
                  disabled={t.issue !== null}
                  className="mt-1 size-4 shrink-0" aria-describedby={`${idPrefix}-${t.key}-detail`} />
                <span className="flex min-w-0 flex-col gap-1">
                  <span className="font-medium">
                    {t.name}
                    {already ? <span className="ml-2 text-xs font-normal text-muted-foreground">(already on this objective)</span> : null}
                  </span>
                  <span id={`${idPrefix}-${t.key}-detail`} className="text-muted-foreground">
                    {PERSPECTIVE_KIND_LABELS[t.perspective]} · {describeThresholds(t)} · {FREQUENCY_LABELS[t.frequency]} · {INDICATOR_LABELS[t.indicator]}
                    {t.stages.length ? ` · Stages: ${t.stages.join(", ")}` : ""}
                    {t.issue ? <span className="block text-status-amber">Unavailable as it is: {t.issue}</span> : null}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
        {shown.length === 0 ? <li className="text-sm text-muted-foreground">No template matches: try all stages or all perspectives.</li> : null}
      </ul>
    </div>
  );
}
