// Sparkline: a KPI's recent values as a tiny inline SVG, with its target as a dashed line and a
// text alternative that says what the line shows.
import { formatKpiValue, type KpiUnit } from "@/lib/dashboards/format";
import type { Status } from "@/lib/scoring";

export function Sparkline({
  values,
  from,
  to,
  target,
  targetMax,
  unit,
  currency,
  status,
  name,
}: {
  /** Oldest first; `from` and `to` label the first and the last. */
  values: number[];
  from: string;
  to: string;
  target: number;
  targetMax?: number | null;
  unit: KpiUnit;
  currency?: string | null;
  status: Status;
  /** The KPI, named in the text alternative so a list of the page's images says which is which. */
  name: string;
}) {
  if (values.length === 0) {
    return <p className="flex h-10 items-center text-xs text-muted-foreground">No values in this window</p>;
  }
  const references = [target, ...(targetMax !== null && targetMax !== undefined ? [targetMax] : [])];
  const min = Math.min(...values, ...references);
  const max = Math.max(...values, ...references);
  const span = max - min || Math.abs(max) || 1;
  // 160 × 40 px (the .sparkline component class sizes it), rounded to whole pixels and drawn as
  // small relative steps: a 156-week KPI's line was 1.3 kB of decimals per card.
  const W = 160;
  const H = 40;
  const pad = 3;
  const x = (i: number) => Math.round(values.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (values.length - 1));
  const y = (v: number) => Math.round(pad + ((max - v) * (H - 2 * pad)) / span);
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const fmt = (v: number) => formatKpiValue(v, unit, currency);
  const description =
    values.length === 1
      ? `${name}: one value, ${fmt(last)} in ${to}; target ${fmt(target)}.`
      : `${name}: ${values.length} values, ${from} to ${to}: ${fmt(first)} to ${fmt(last)}, lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))}; target ${fmt(target)}.`;

  // Strokes and colours come from the .sparkline component class (globals.css), by data-status.
  return (
    <svg role="img" aria-label={description} viewBox={`0 0 ${W} ${H}`} className="sparkline">
      {references.map((ref) => (
        <path key={ref} d={`M0 ${y(ref)}H${W}`} data-ref="" />
      ))}
      <path d={sparkPath(values.map((v, i) => [x(i), y(v)]))} />
      <circle cx={x(values.length - 1)} cy={y(last)} r={3} data-status={status} />
    </svg>
  );
}

/** "M6 39l5 15 5-8…": the line as one move and relative steps between whole-unit points. */
export function sparkPath(points: ReadonlyArray<readonly [number, number]>): string {
  if (points.length === 0) return "";
  const [[x0, y0]] = points as [readonly [number, number]];
  let d = `M${x0} ${y0}`;
  if (points.length === 1) return `${d}h0`;
  d += "l";
  for (let i = 1; i < points.length; i++) {
    const dx = points[i]![0] - points[i - 1]![0];
    const dy = points[i]![1] - points[i - 1]![1];
    d += `${i > 1 && dx >= 0 ? " " : ""}${dx}${dy < 0 ? "" : " "}${dy}`;
  }
  return d;
}
