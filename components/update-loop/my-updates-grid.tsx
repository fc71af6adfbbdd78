"use client";
// MyUpdatesGrid: one row per value the member owes, typed like a spreadsheet column. Tab and
// Enter move between cells, pasting a column copied from a spreadsheet fills the cells below,
// and "Save" sends them all at once (all-or-nothing). The last value and the target sit beside
// each cell, and the status a value would have shows as you type.
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table } from "@/components/ui/scroll-table";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { parseDecimal } from "@/lib/measurements/decimal";
import { isMultiCellText, parsePastedBlock, placePastedBlock } from "@/lib/measurements/paste";
import { formatValue, parseMeasurementValue } from "@/lib/measurements/values";
import { kpiStatus } from "@/lib/scoring";
import type { MyUpdateRow, MyUpdatesSaved } from "@/lib/update-loop/my-updates";
import type { ExplainAction, Member } from "./red-reason-dialog";
import { useRedFollowUps } from "./use-red-follow-ups";

type SaveAction = (input: Record<string, unknown>) => Promise<ActionResult<MyUpdatesSaved>>;

const keyOf = (row: Pick<MyUpdateRow, "kpiId" | "period">) => `${row.kpiId}|${row.period}`;

export function MyUpdatesGrid({
  team,
  rows,
  canWrite,
  members,
  currentUserId,
  actions,
}: {
  team: string;
  rows: MyUpdateRow[];
  canWrite: boolean;
  members: Member[];
  currentUserId: string;
  actions: { save: SaveAction; explain: ExplainAction };
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, { value: number; version: number }>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [saving, setSaving] = useState(false);
  const inputs = useRef(new Map<number, HTMLInputElement>());
  const followUps = useRedFollowUps({ team, members, currentUserId, explain: actions.explain, onMessage: setAnnouncement });

  const label = (row: MyUpdateRow) => `${row.kpiName}, ${row.periodLabel}`;
  const textOf = (row: MyUpdateRow) => drafts[keyOf(row)] ?? (saved[keyOf(row)] ? formatValue(saved[keyOf(row)]!.value) : "");
  const pending = rows.filter((r) => {
    const draft = drafts[keyOf(r)];
    return draft !== undefined && draft.trim() !== "" && (!saved[keyOf(r)] || draft.trim() !== formatValue(saved[keyOf(r)]!.value));
  });

  const setDraft = (row: MyUpdateRow, text: string) => {
    setDrafts((d) => ({ ...d, [keyOf(row)]: text }));
    setErrors((e) => {
      const next = { ...e };
      delete next[keyOf(row)];
      return next;
    });
  };

  const focusRow = (index: number) => {
    const input = inputs.current.get(index);
    if (!input) return false;
    input.focus();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (!focusRow(index + (event.shiftKey ? -1 : 1)) && !event.shiftKey && pending.length > 0) void save();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusRow(index + (event.key === "ArrowUp" ? -1 : 1));
    } else if (event.key === "Escape" && drafts[keyOf(rows[index]!)] !== undefined) {
      event.preventDefault();
      setDrafts((d) => {
        const next = { ...d };
        delete next[keyOf(rows[index]!)];
        return next;
      });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, index: number) => {
    const text = event.clipboardData.getData("text/plain");
    if (!isMultiCellText(text)) return; // one value: it lands in the cell as typing
    event.preventDefault();
    const block = parsePastedBlock(text);
    if (!block.ok) return setAlert(`Nothing was pasted: ${block.message}`);
    const placed = placePastedBlock(block, { row: index, col: 0 }, (r) => rows[r], { rows: rows.length, cols: 1 });
    if (!placed.ok) return setAlert(placed.message.replace("does not fit", "does not fit (paste one column)"));
    for (const { target, cell } of placed.targets) {
      const checked = parseMeasurementValue(cell.raw, target.unit, label(target));
      if (!checked.ok) return setAlert(`Nothing was pasted: ${checked.message}`);
    }
    setDrafts((d) => ({ ...d, ...Object.fromEntries(placed.targets.map(({ target, cell }) => [keyOf(target), cell.raw.trim()])) }));
    setAlert(null);
    setAnnouncement(`Pasted ${placed.targets.length} ${placed.targets.length === 1 ? "value" : "values"}; press Save to keep them.`);
  };

  async function save() {
    if (saving || pending.length === 0) return;
    // Checked here first, so a typo never leaves the browser; the server checks again.
    const local: Record<string, string> = {};
    for (const row of pending) {
      const checked = parseMeasurementValue(drafts[keyOf(row)]!, row.unit, label(row));
      if (!checked.ok) local[keyOf(row)] = checked.message;
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setAlert(`Nothing was saved: ${Object.values(local)[0]}`);
      return;
    }
    const cells = pending.map((row) => ({ kpiId: row.kpiId, period: row.period, value: drafts[keyOf(row)]!.trim(), ...(saved[keyOf(row)] ? { version: saved[keyOf(row)]!.version } : {}) }));
    setSaving(true);
    try {
      const result = await actions.save({ team, cells });
      if (result.ok && result.data) {
        const done = result.data.saved;
        setSaved((s) => ({ ...s, ...Object.fromEntries(done.map((d) => [`${d.kpiId}|${d.period}`, { value: d.value, version: d.version }])) }));
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !done.some((x) => `${x.kpiId}|${x.period}` === k))));
        setErrors({});
        setAlert(null);
        setAnnouncement(`Saved ${done.length} ${done.length === 1 ? "value" : "values"}.`);
        followUps.add(result.data.followUps);
      } else if (!result.ok) {
        const byRow: Record<string, string> = {};
        cells.forEach((cell, i) => {
          const message = result.fieldErrors?.[`cells.${i}.value`]?.[0] ?? result.fieldErrors?.[`cells.${i}.period`]?.[0];
          if (message) byRow[`${cell.kpiId}|${cell.period}`] = message;
        });
        setErrors(byRow);
        setAlert(result.message);
      }
    } catch {
      setAlert("The values could not be saved (connection lost?). Your typing is kept; try again.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {canWrite ? (
        <p id="my-updates-help" className="text-sm text-muted-foreground">
          Type each value; Tab, Enter and the arrow keys move between cells. Paste a column copied from a spreadsheet into a cell to fill it and the cells
          below. Decimal commas are fine. Nothing is saved until you press Save, and then all of it or none.
        </p>
      ) : (
        <Alert variant="info">Your role can read these values but not enter them. Ask an admin to make you an editor.</Alert>
      )}
      {alert ? (
        <Alert variant="error" title="Not saved" data-testid="my-updates-alert">
          {alert}
        </Alert>
      ) : null}
      <p aria-live="polite" role="status" className="sr-only" data-testid="my-updates-status">
        {announcement}
      </p>

      <Table scrollLabel="Values due from you" containerClassName="rounded-md border" data-testid="my-updates-grid">
        <thead className="bg-muted/60">
          <tr className="border-b text-left">
            <th scope="col" className="px-3 py-2 font-medium">
              KPI
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Period
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last value
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Target
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Value
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Status of the value</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const key = keyOf(row);
            const text = textOf(row);
            const parsed = parseDecimal(text);
            const preview = text.trim() && parsed.ok ? kpiStatus(row.def, parsed.value) : null;
            const isSaved = Boolean(saved[key]) && drafts[key] === undefined;
            return (
              <tr key={key} className="border-b align-top" data-testid={`my-update-${key}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="font-medium">{row.kpiName}</span>
                  <span className="block text-xs text-muted-foreground">
                    {row.objectiveTitle} · {row.scorecardName}
                  </span>
                </th>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.periodLabel}
                  <span className="flex items-center gap-1 text-xs text-muted-foreground">
                    <Badge variant={row.kind === "overdue" ? "destructive" : "outline"}>{row.kind === "overdue" ? "Due" : "Coming due"}</Badge>
                    {row.due}
                  </span>
                </td>
                <td className="px-3 py-2 text-sm whitespace-nowrap">{row.last ? `${row.last.value} (${row.last.label})` : <span className="text-muted-foreground">None yet</span>}</td>
                <td className="px-3 py-2 text-sm text-muted-foreground">{row.target}</td>
                <td className="px-2 py-1.5 text-right">
                  {canWrite ? (
                    <input
                      ref={(el) => {
                        if (el) inputs.current.set(index, el);
                        else inputs.current.delete(index);
                      }}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={label(row)}
                      aria-describedby="my-updates-help"
                      aria-invalid={errors[key] ? true : undefined}
                      data-cell={key}
                      value={text}
                      onChange={(e) => setDraft(row, e.target.value)}
                      onFocus={(e) => e.currentTarget.select()}
                      onKeyDown={(e) => onKeyDown(e, index)}
                      onPaste={(e) => onPaste(e, index)}
                      className={cn(
                        "h-9 w-28 rounded border px-2 text-right tabular-nums outline-none focus:border-ring",
                        // One look at a time: an error over a saved value over an unsaved draft.
                        errors[key]
                          ? "border-destructive bg-status-red-bg"
                          : isSaved
                            ? "border-status-green-border bg-status-green-bg"
                            : drafts[key] !== undefined
                              ? "border-input bg-status-amber-bg/40"
                              : "border-input bg-background",
                      )}
                    />
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                  {errors[key] ? <span className="mt-1 block max-w-64 text-left text-xs font-medium text-destructive">{errors[key]}</span> : null}
                </td>
                <td className="px-3 py-2">
                  {isSaved ? <span className="text-xs font-medium text-status-green">Saved</span> : null}
                  {preview ? <StatusBadge status={preview} size="sm" className="ml-1" /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      {canWrite ? (
        <div className="flex items-center gap-3">
          <Button onClick={() => void save()} disabled={saving || pending.length === 0} data-testid="my-updates-save">
            {saving ? "Saving…" : pending.length > 0 ? `Save ${pending.length} ${pending.length === 1 ? "value" : "values"}` : "Save"}
          </Button>
          {pending.length === 0 && Object.keys(saved).length > 0 ? <span className="text-sm text-status-green">All saved.</span> : null}
        </div>
      ) : null}
      {followUps.dialog}
    </div>
  );
}
