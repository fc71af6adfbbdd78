// Sparkline: a KPI's recent values as a tiny inline SVG, with its target as a dashed line and a
// text alternative that says what the line shows.
import { formatKpiValue, type KpiUnit } from "@/lib/dashboards/format";
import type { Status } from "@/lib/scoring";
import { STATUS_COLOR } from "./status-tone";

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
  width = 160,
  height = 40,
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
  name: string;
  width?: number;
  height?: number;
}) {
  if (values.length === 0) {
    return <p className="flex h-10 items-center text-xs text-muted-foreground">No values in this window</p>;
  }
  const references = [target, ...(targetMax !== null && targetMax !== undefined ? [targetMax] : [])];
  const min = Math.min(...values, ...references);
  const max = Math.max(...values, ...references);
  const span = max - min || Math.abs(max) || 1;
  const pad = 3;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + ((max - v) * (height - 2 * pad)) / span;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const fmt = (v: number) => formatKpiValue(v, unit, currency);
  const description =
    values.length === 1
      ? `${name}: one value, ${fmt(last)} in ${to}; target ${fmt(target)}.`
      : `${name}: ${values.length} values from ${from} (${fmt(first)}) to ${to} (${fmt(last)}); lowest ${fmt(Math.min(...values))}, highest ${fmt(Math.max(...values))}; target ${fmt(target)}.`;

  return (
    <svg
      role="img"
      aria-label={description}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className="block max-w-full overflow-visible"
    >
      {references.map((ref) => (
        <line
          key={ref}
          x1={0}
          x2={width}
          y1={y(ref)}
          y2={y(ref)}
          stroke="var(--color-status-green)"
          strokeWidth={1}
          strokeDasharray="3 3"
        />
      ))}
      <polyline points={line} fill="none" stroke="var(--color-foreground)" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      <circle cx={x(values.length - 1)} cy={y(last)} r={3} fill={STATUS_COLOR[status]} stroke="var(--color-background)" strokeWidth={1} />
    </svg>
  );
}
