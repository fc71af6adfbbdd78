"use client";
// MeasurementGrid: KPIs × periods, typed into like a spreadsheet. Arrow keys, Tab and Enter move
// between cells; Enter or leaving a cell saves it; Escape undoes the typing; Alt+Enter opens the
// cell's note and history; pasting several lines from a spreadsheet fills the cells below,
// all-or-nothing. Viewers get the same table without inputs.
import { Fragment, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ClipboardEvent, type KeyboardEvent, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { lazyWithPreload, preloadAll, usePreloadWhenIdle } from "@/components/ui/lazy-overlay";
import { Table } from "@/components/ui/scroll-table";
import type { ActionResult } from "@/lib/actions/result";
import { firstRows, readGridModel, type GridColumn, type GridModel, type GridRow } from "@/lib/measurements/grid-model";
import { formatScore, formatWithUnit, formatValue, parseMeasurementValue } from "@/lib/measurements/values";
import type { MeasurementHistoryEntry } from "@/db/queries/measurements";
import type { SavedMeasurement } from "@/lib/measurements/save-measurements";
import type { RedFollowUp } from "@/lib/update-loop/red-reason";
import type { ExplainAction, Member } from "@/components/update-loop/red-reason-dialog";
import { useRedFollowUps } from "@/components/update-loop/use-red-follow-ups";
import type { Conflict } from "./conflict-dialog";
import { isBlockPaste } from "./block-paste";
import { ScoreSummary } from "./score-summary";
import { StatusBadge } from "@/components/ui/status-badge";
import { GridIcon } from "./grid-icon";

// A cell's note and history (Alt+Enter, the note button), the conflict dialog (a 409) and the
// parser of a pasted block have no trigger to hover: their code is fetched once the page is
// idle, not with it.
const loadDialogs = () => import("./grid-dialogs");
const CellDetailsDialog = lazyWithPreload(() => loadDialogs().then((m) => ({ default: m.CellDetailsDialog })));
const ConflictDialog = lazyWithPreload(() => loadDialogs().then((m) => ({ default: m.ConflictDialog })));
const loadPaste = () => import("./grid-paste");
const preloadOnIdle = preloadAll(() => void loadDialogs(), () => void loadPaste());

export type GridAction<T> = (input: Record<string, unknown>) => Promise<ActionResult<T>>;

/** A save reports a value that turned its KPI red and still needs a reason. */
type SavedWithFollowUp = SavedMeasurement & { redFollowUp?: RedFollowUp };

export interface GridActions {
  save: GridAction<SavedWithFollowUp>;
  paste: GridAction<SavedWithFollowUp[]>;
  remove: GridAction<{ kpiId: string; period: string }>;
  history: GridAction<MeasurementHistoryEntry[]>;
}

interface Props {
  team: string;
  scorecardId: string;
  canEdit: boolean;
  /** The grid's rows and columns, compact (lib/measurements/grid-model.ts). */
  grid: GridModel;
  actions: GridActions;
  /** How to use the grid (GridHelp, rendered by the server page), shown to editors. */
  help?: ReactNode;
  /** Asking why when a value turns its KPI red (editors only). */
  redReason?: { members: Member[]; currentUserId: string | null; explain: ExplainAction };
}

/** What the grid believes a cell holds: the server's value, or one just saved over it. */
export interface CellState {
  value: number | null;
  note: string;
  version: number | null;
}
/** A value saved here, shown until the server's next render (which has a different version). */
interface Override extends CellState {
  baseVersion: number | null;
}

export interface CellRef {
  section: number;
  row: number;
  col: number;
  kpi: GridRow;
  column: GridColumn;
}

/**
 * KPI rows the server draws (the grid's first screens); the browser draws the others as soon as
 * the page has hydrated, from the model the page carries anyway. A 128-KPI grid's HTML then holds
 * a sixth of its rows, and the server renders a sixth of the table on every request.
 */
export const EAGER_ROWS = 20;

const FREQUENCY_TITLES = { weekly: "Weekly KPIs", monthly: "Monthly KPIs", quarterly: "Quarterly KPIs" } as const;
const cellKey = (kpiId: string, period: string) => `${kpiId}|${period}`;
const refKey = (section: number, row: number, col: number) => `${section}:${row}:${col}`;
const displayText = (value: number | null) => (value === null ? "" : formatValue(value));
const subscribeToNothing = () => () => {};

/** False in the server's HTML and while hydrating it, true once React runs in the browser. */
function useHydrated() {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

export function MeasurementGrid({ team, scorecardId, canEdit, grid, actions, help, redReason }: Props) {
  const sections = useMemo(() => readGridModel(grid), [grid]);
  const hydrated = useHydrated();
  // Rows keep their indexes: the ones drawn before hydration are the first of each section.
  const drawn = useMemo(() => (hydrated ? sections.map((section) => ({ section, later: 0 })) : firstRows(sections, EAGER_ROWS)), [hydrated, sections]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [overrides, setOverrides] = useState<Record<string, Override>>({});
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [caretMode, setCaretMode] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  usePreloadWhenIdle(preloadOnIdle);
  const [details, setDetails] = useState<CellRef | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const busy = useRef(new Set<string>());
  const root = useRef<HTMLDivElement>(null);
  const followUps = useRedFollowUps({ team, members: redReason?.members ?? [], currentUserId: redReason?.currentUserId ?? null, explain: redReason?.explain, onMessage: setAnnouncement });

  // Periods run oldest → newest; a wide grid opens scrolled to the newest (the current period).
  useEffect(() => {
    root.current?.querySelectorAll<HTMLElement>("[data-slot=table-container]").forEach((el) => {
      el.scrollLeft = el.scrollWidth;
    });
  }, []);

  // Flat rows per section, in table order, for keyboard movement and pasting.
  const flatRows = sections.map((s) => s.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.rows)));
  const rowsById = new Map(flatRows.flat().map((r) => [r.kpiId, r]));
  // A dialog keeps the cell it was opened for; the row itself is re-read from the latest render.
  const live = (ref: CellRef): CellRef => ({ ...ref, kpi: rowsById.get(ref.kpi.kpiId) ?? ref.kpi });

  const cellState = useCallback(
    (kpi: GridRow, col: number): CellState => {
      const server = kpi.cells[col]!;
      const override = overrides[cellKey(kpi.kpiId, server.period)];
      // Once the server has moved past the version we saved over, its render is the truth.
      if (override && override.baseVersion === server.version) return override;
      return { value: server.value, note: server.note, version: server.version };
    },
    [overrides],
  );

  const labelOf = (kpi: GridRow, column: GridColumn) => `${kpi.name}, ${column.label}`;

  const setOne = <T,>(set: (f: (prev: Record<string, T>) => Record<string, T>) => void, key: string, value: T | undefined) =>
    set((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  const applySaved = useCallback((saved: SavedMeasurement[], baseVersions: Map<string, number | null>) => {
    setOverrides((prev) => {
      const next = { ...prev };
      for (const s of saved) {
        const key = cellKey(s.kpiId, s.period);
        next[key] = { value: s.value, note: s.note, version: s.version, baseVersion: baseVersions.get(key) ?? null };
      }
      return next;
    });
  }, []);

  const focusCell = (section: number, row: number, col: number) => {
    const input = inputs.current.get(refKey(section, row, col));
    if (!input) return false;
    input.focus();
    return true;
  };

  /** Saves what was typed into a cell (or clears it when emptied). */
  const commit = async (ref: CellRef, override?: { text: string; version: number | null; note?: string }) => {
    const key = cellKey(ref.kpi.kpiId, ref.column.period);
    const text = override?.text ?? drafts[key];
    if (text === undefined || busy.current.has(key)) return;
    const state = cellState(ref.kpi, ref.col);
    const version = override ? override.version : state.version;
    const label = labelOf(ref.kpi, ref.column);
    if (!override && text.trim() === displayText(state.value)) {
      setOne(setDrafts, key, undefined);
      setOne(setErrors, key, undefined);
      return;
    }
    if (text.trim() === "" && override?.note === undefined) {
      if (version === null) {
        setOne(setDrafts, key, undefined);
        return;
      }
      await run(key, label, () => actions.remove({ team, scorecardId, kpiId: ref.kpi.kpiId, period: ref.column.period, version }), ref, text, state, () => {
        setOverrides((prev) => ({ ...prev, [key]: { value: null, note: "", version: null, baseVersion: ref.kpi.cells[ref.col]!.version } }));
        return `Cleared ${label}`;
      });
      return;
    }
    const parsed = parseMeasurementValue(text, ref.kpi.unit, label);
    if (!parsed.ok) {
      setOne(setErrors, key, parsed.message);
      setAlert(parsed.message);
      return;
    }
    const input: Record<string, unknown> = { team, scorecardId, kpiId: ref.kpi.kpiId, period: ref.column.period, value: text };
    if (version !== null) input.version = version;
    if (override?.note !== undefined) input.note = override.note;
    await run(key, label, () => actions.save(input), ref, text, state, (result) => {
      const saved = result as SavedWithFollowUp;
      applySaved([saved], new Map([[key, ref.kpi.cells[ref.col]!.version]]));
      followUps.add(saved.redFollowUp ? [saved.redFollowUp] : []);
      return saved.outcome === "unchanged" ? `${label} unchanged` : `Saved ${label}: ${formatWithUnit(saved.value, ref.kpi.unit, ref.kpi.currency)}`;
    });
  };

  /** Runs one cell's write and turns its answer into the cell's state and a message. */
  const run = async (
    key: string,
    label: string,
    call: () => Promise<ActionResult<unknown>>,
    ref: CellRef,
    mine: string,
    seen: CellState,
    onSuccess: (data: unknown) => string,
  ) => {
    busy.current.add(key);
    setOne(setPending, key, true);
    try {
      const result = await call();
      if (result.ok) {
        setOne(setDrafts, key, undefined);
        setOne(setErrors, key, undefined);
        setAlert(null);
        setAnnouncement(onSuccess(result.data));
      } else if (result.status === 409) {
        setConflict({ ref, mine, seen, theirs: (result.current as CellState | null) ?? null, label });
      } else {
        const message = result.fieldErrors?.value?.[0] ?? result.fieldErrors?.period?.[0] ?? result.message;
        setOne(setErrors, key, message);
        setAlert(message.startsWith(ref.kpi.name) ? message : `${label}: ${message}`);
      }
    } catch {
      const message = `${label}: the value could not be saved (connection lost?). Your typing is kept; try again.`;
      setOne(setErrors, key, message);
      setAlert(message);
    } finally {
      busy.current.delete(key);
      setOne(setPending, key, undefined);
    }
  };

  const move = (ref: CellRef, dRow: number, dCol: number) => focusCell(ref.section, ref.row + dRow, ref.col + dCol);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, ref: CellRef) => {
    const key = cellKey(ref.kpi.kpiId, ref.column.period);
    const input = event.currentTarget;
    const editing = drafts[key] !== undefined || caretMode === key;
    switch (event.key) {
      case "Enter":
        event.preventDefault();
        if (event.altKey) {
          setDetails(ref);
          return;
        }
        // Moving on blurs the cell, which saves it; on the last row there is nowhere to go.
        if (!move(ref, event.shiftKey ? -1 : 1, 0)) void commit(ref);
        return;
      case "Escape":
        if (drafts[key] !== undefined || errors[key]) {
          event.preventDefault();
          setOne(setDrafts, key, undefined);
          setOne(setErrors, key, undefined);
          setCaretMode(null);
          requestAnimationFrame(() => input.select());
        }
        return;
      case "F2":
        event.preventDefault();
        setCaretMode(key);
        input.setSelectionRange(input.value.length, input.value.length);
        return;
      case "ArrowUp":
      case "ArrowDown":
        event.preventDefault();
        move(ref, event.key === "ArrowUp" ? -1 : 1, 0);
        return;
      case "ArrowLeft":
      case "ArrowRight": {
        const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
        const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
        if (!editing || (event.key === "ArrowLeft" ? atStart : atEnd)) {
          if (move(ref, 0, event.key === "ArrowLeft" ? -1 : 1)) event.preventDefault();
        }
        return;
      }
    }
  };

  const onPaste = async (event: ClipboardEvent<HTMLInputElement>, ref: CellRef) => {
    const text = event.clipboardData.getData("text/plain");
    if (!isBlockPaste(text)) return; // one value: let it land in the cell as typing
    event.preventDefault();
    const rows = flatRows[ref.section]!;
    const columns = sections[ref.section]!.columns;
    const refuse = (message: string) => {
      setAlert(`Nothing was pasted: ${message}`);
      setAnnouncement("");
    };
    let plan: ReturnType<Awaited<ReturnType<typeof loadPaste>>["planPaste"]>;
    try {
      plan = (await loadPaste()).planPaste(text, { row: ref.row, col: ref.col }, rows, columns, labelOf);
    } catch {
      return refuse("the page could not load what reads a pasted block. Please try again.");
    }
    if (!plan.ok) return refuse(plan.message);
    const targets = plan.targets;

    const keys = targets.map((t) => cellKey(t.kpi.kpiId, t.column.period));
    const baseVersions = new Map(targets.map((t) => [cellKey(t.kpi.kpiId, t.column.period), t.kpi.cells[t.col]!.version]));
    const cells = targets.map((t) => {
      const version = cellState(t.kpi, t.col).version;
      return { kpiId: t.kpi.kpiId, period: t.column.period, value: t.raw, ...(version !== null ? { version } : {}) };
    });
    setDrafts((prev) => ({ ...prev, ...Object.fromEntries(targets.map((t) => [cellKey(t.kpi.kpiId, t.column.period), t.raw.trim()])) }));
    setPending((prev) => ({ ...prev, ...Object.fromEntries(keys.map((k) => [k, true])) }));
    const clear = () => {
      setDrafts((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !keys.includes(k))));
      setPending((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !keys.includes(k))));
    };
    try {
      const result = await actions.paste({ team, scorecardId, cells });
      clear();
      if (result.ok) {
        applySaved(result.data ?? [], baseVersions);
        followUps.add((result.data ?? []).flatMap((s) => (s.redFollowUp ? [s.redFollowUp] : [])));
        setAlert(null);
        setAnnouncement(`Pasted ${cells.length} ${cells.length === 1 ? "value" : "values"} from ${labelOf(targets[0]!.kpi, targets[0]!.column)}`);
      } else if (result.status === 409) {
        refuse(`${result.message} Reload the page to see the current values, then paste again.`);
      } else {
        // The server's message names the cell and says that nothing was saved.
        setAlert(result.message);
        setAnnouncement("");
      }
    } catch {
      clear();
      refuse("the values could not be saved (connection lost?). Try again.");
    }
  };

  const detailsCell = details ? live(details) : null;
  const closeDetails = () => {
    if (!detailsCell) return;
    setDetails(null);
    requestAnimationFrame(() => focusCell(detailsCell.section, detailsCell.row, detailsCell.col));
  };
  const saveFromDetails = async (value: string, note: string) => {
    if (!detailsCell) return;
    // Close first, so a conflict (409) can open its own dialog.
    setDetails(null);
    await commit(detailsCell, { text: value, version: cellState(detailsCell.kpi, detailsCell.col).version, note });
    requestAnimationFrame(() => focusCell(detailsCell.section, detailsCell.row, detailsCell.col));
  };

  if (sections.length === 0) return null;

  return (
    <div ref={root} className="flex flex-col gap-8">
      {canEdit ? help : null}
      {alert ? (
        <Alert variant="error" title="Not saved" data-testid="grid-alert">
          {alert}
        </Alert>
      ) : null}
      <p aria-live="polite" role="status" className="sr-only" data-testid="grid-status">
        {announcement}
      </p>

      {/* Every cell's look is a class of app/globals.css (.mg-*): 128 KPIs × 6 periods write it
          once there instead of a utility list on every cell, in the HTML and the RSC payload. */}
      {drawn.map(({ section, later }, sectionIndex) => {
        let rowIndex = -1;
        const headingId = `grid-${section.frequency}`;
        const title = FREQUENCY_TITLES[section.frequency];
        const span = 3 + section.columns.length;
        return (
          <section key={section.frequency} aria-labelledby={headingId} className="flex flex-col gap-3">
            <h2 id={headingId} className="text-lg font-semibold">
              {title}
            </h2>
            <Table
              scrollLabel={`${title}: values per period`}
              containerClassName="rounded-md border"
              className={canEdit ? (hydrated ? "mg mg-e" : "mg mg-e mg-text") : "mg"}
              data-testid={`grid-${section.frequency}`}
            >
              <thead>
                <tr>
                  <th scope="col" className="mg-hk">
                    KPI
                  </th>
                  <th scope="col" className="mg-ht">
                    Target
                  </th>
                  <th scope="col" className="mg-hs">
                    Latest status
                  </th>
                  {section.columns.map((column) => (
                    <th key={column.period} scope="col" className="mg-hp">
                      <span className="sr-only">{column.label}</span>
                      <span aria-hidden="true">{column.short}</span>
                      {column.current ? <span className="mg-now">current</span> : null}
                    </th>
                  ))}
                </tr>
              </thead>
              {section.perspectives.map((perspective) => (
                <tbody key={perspective.id}>
                  <tr className="mg-p">
                    <th scope="rowgroup" colSpan={span}>
                      <span className="mr-3 font-semibold">{perspective.name}</span>
                      <ScoreSummary summary={perspective.summary} what={`${perspective.name} perspective`} unit="objectives" testId={`perspective-score-${perspective.id}`} />
                    </th>
                  </tr>
                  {perspective.objectives.map((objective) => (
                    <Fragment key={objective.id}>
                      <tr className="mg-o">
                        <th scope="rowgroup" colSpan={span}>
                          <span className="mr-3">{objective.title}</span>
                          <ScoreSummary summary={objective.summary} what={`Objective “${objective.title}”`} testId={`objective-score-${objective.id}`} />
                        </th>
                      </tr>
                      {objective.rows.map((kpi) => {
                        rowIndex += 1;
                        const row = rowIndex;
                        return (
                          <tr key={kpi.kpiId} className="mg-r" data-testid={`kpi-row-${kpi.kpiId}`}>
                            <th scope="row">{kpi.name}</th>
                            <td className="mg-t">{kpi.target}</td>
                            <td className="mg-s" data-testid={`kpi-status-${kpi.kpiId}`}>
                              <StatusBadge status={kpi.status} stale={kpi.stale} size="sm" />
                              <span data-testid={`kpi-score-${kpi.kpiId}`} data-score={kpi.score ?? ""}>
                                <span className="sr-only">score </span>
                                {formatScore(kpi.score)}
                              </span>
                              {kpi.latestLabel ? <span>{kpi.latestLabel}</span> : null}
                            </td>
                            {section.columns.map((column, col) => {
                              const key = cellKey(kpi.kpiId, column.period);
                              const state = cellState(kpi, col);
                              const text = drafts[key] ?? displayText(state.value);
                              // The server's HTML and the first render in the browser show an editor each value
                              // as text where its input will be (globals.css keeps the cell's size): an input
                              // does nothing before React runs, and 768 labelled inputs are most of the page.
                              if (canEdit && !hydrated) return <td key={column.period}>{text}</td>;
                              const ref: CellRef = { section: sectionIndex, row, col, kpi, column };
                              const label = labelOf(kpi, column);
                              const error = errors[key];
                              if (!canEdit) {
                                // Read-only: a value opens its note and edit history.
                                return (
                                  <td key={column.period}>
                                    {state.value === null ? (
                                      <span className="sr-only">no value</span>
                                    ) : (
                                      <button type="button" onClick={() => setDetails(ref)}>
                                        {displayText(state.value)}
                                        {state.note ? <GridIcon name="message-square-text" /> : null}
                                        <span className="sr-only">{` ${label}: ${state.note ? "note and " : ""}edit history`}</span>
                                      </button>
                                    )}
                                  </td>
                                );
                              }
                              return (
                                <td key={column.period}>
                                  <input
                                    ref={(el) => {
                                      if (el) inputs.current.set(refKey(sectionIndex, row, col), el);
                                      else inputs.current.delete(refKey(sectionIndex, row, col));
                                    }}
                                    inputMode="decimal"
                                    autoComplete="off"
                                    aria-label={label}
                                    aria-describedby="grid-help"
                                    aria-invalid={error ? true : undefined}
                                    aria-busy={pending[key] ? true : undefined}
                                    // One look at a time (globals.css): an error over an unsaved draft.
                                    data-draft={drafts[key] !== undefined ? "" : undefined}
                                    value={text}
                                    onChange={(e) => {
                                      setOne(setDrafts, key, e.target.value);
                                      setOne(setErrors, key, undefined);
                                    }}
                                    onFocus={(e) => {
                                      setCaretMode(null);
                                      e.currentTarget.select();
                                    }}
                                    onBlur={() => void commit(ref)}
                                    onKeyDown={(e) => onKeyDown(e, ref)}
                                    onPaste={(e) => void onPaste(e, ref)}
                                  />
                                  <button
                                    type="button"
                                    tabIndex={-1}
                                    className="mg-note"
                                    data-note={state.note ? "" : undefined}
                                    aria-label={`${state.note ? "Note" : "Add a note"} and history: ${label}`}
                                    onClick={() => setDetails(ref)}
                                  >
                                    <GridIcon name={state.note ? "message-square-text" : "message-square"} />
                                  </button>
                                </td>
                              );
                            })}
                          </tr>
                        );
                      })}
                    </Fragment>
                  ))}
                </tbody>
              ))}
              {later > 0 ? (
                <tbody>
                  <tr>
                    <td colSpan={span} className="mg-more" data-testid="grid-rows-pending">
                      {`${later} more ${later === 1 ? "KPI" : "KPIs"} below, shown once the page has loaded.`}
                    </td>
                  </tr>
                </tbody>
              ) : null}
            </Table>
          </section>
        );
      })}

      {/* The dialogs open themselves once their code is in; nothing stands in for them. */}
      {detailsCell ? (
        <Suspense fallback={null}>
          <CellDetailsDialog
            key={cellKey(detailsCell.kpi.kpiId, detailsCell.column.period)}
            team={team}
            scorecardId={scorecardId}
            canEdit={canEdit}
            cell={detailsCell}
            state={cellState(detailsCell.kpi, detailsCell.col)}
            history={actions.history}
            onSave={saveFromDetails}
            onClose={closeDetails}
          />
        </Suspense>
      ) : null}
      {followUps.dialog}
      {conflict ? (
        <Suspense fallback={null}>
          <ConflictDialog
            conflict={conflict}
            onKeepMine={async () => {
              const c = { ...conflict, ref: live(conflict.ref) };
              setConflict(null);
              const key = cellKey(c.ref.kpi.kpiId, c.ref.column.period);
              // Make "theirs" the value we have seen, then write ours over it on purpose.
              setOverrides((prev) => ({ ...prev, [key]: { ...(c.theirs ?? { value: null, note: "", version: null }), baseVersion: c.ref.kpi.cells[c.ref.col]!.version } }));
              if (c.mine.trim() === "") {
                if (c.theirs) {
                  await run(key, c.label, () => actions.remove({ team, scorecardId, kpiId: c.ref.kpi.kpiId, period: c.ref.column.period, version: c.theirs!.version }), c.ref, c.mine, c.theirs, () => {
                    setOverrides((prev) => ({ ...prev, [key]: { value: null, note: "", version: null, baseVersion: c.ref.kpi.cells[c.ref.col]!.version } }));
                    return `Cleared ${c.label}`;
                  });
                } else setOne(setDrafts, key, undefined);
                return;
              }
              await commit(c.ref, { text: c.mine, version: c.theirs?.version ?? null });
            }}
            onTakeTheirs={() => {
              const c = { ...conflict, ref: live(conflict.ref) };
              setConflict(null);
              const key = cellKey(c.ref.kpi.kpiId, c.ref.column.period);
              setOverrides((prev) => ({ ...prev, [key]: { ...(c.theirs ?? { value: null, note: "", version: null }), baseVersion: c.ref.kpi.cells[c.ref.col]!.version } }));
              setOne(setDrafts, key, undefined);
              setOne(setErrors, key, undefined);
              setAnnouncement(`${c.label}: kept the other person's value`);
            }}
            onClose={() => {
              const c = conflict;
              setConflict(null);
              requestAnimationFrame(() => focusCell(c.ref.section, c.ref.row, c.ref.col));
            }}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
