// Which column holds what, guessed from the header row (the person can change every choice):
// the export's own headers, and the usual spreadsheet names.
import type { ColumnMapping } from "./rows";

const NAMES: Record<keyof ColumnMapping, readonly string[]> = {
  // An id beats a name when a file has both (as the export does).
  kpi: ["kpi_id", "kpiid", "measure_id", "kpi", "kpi_name", "measure", "metric", "indicator", "name"],
  period: ["period", "period_start", "date", "month", "week", "quarter", "start"],
  value: ["value", "actual", "amount", "result", "measurement"],
  note: ["note", "notes", "comment", "comments"],
};

const normalize = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");

export type GuessedMapping = { [K in keyof ColumnMapping]: number | null };

export function guessMapping(header: readonly string[]): GuessedMapping {
  const names = header.map(normalize);
  const taken = new Set<number>();
  const pick = (candidates: readonly string[]) => {
    for (const candidate of candidates) {
      const index = names.findIndex((n, i) => n === candidate && !taken.has(i));
      if (index !== -1) {
        taken.add(index);
        return index;
      }
    }
    return null;
  };
  return { kpi: pick(NAMES.kpi), period: pick(NAMES.period), value: pick(NAMES.value), note: pick(NAMES.note) };
}
