// KpiHistoryChart: one KPI's actual values over time against its target and red threshold. It
// needs no hooks, no client JavaScript and no measuring in the browser, so the same chart renders
// in the members' dashboard (from fetched values) and as server HTML on the share pages, which ship
// no client runtime (Recharts draws nothing on the server). The lines are an SVG stretched over the
// plot box (strokes keep their width); the text and the dots are HTML placed by percentages, so
// labels stay 12 px on a phone and on a wide screen alike.
import { niceTicks } from "@/lib/dashboards/chart-ticks";
import type { KpiView } from "@/lib/dashboards/build-dashboard";
import { formatKpiValue } from "@/lib/dashboards/format";

/** A KPI's name, unit and thresholds as the dashboard has them, with its values oldest first. */
export type KpiChartData = Pick<KpiView, "name" | "unit" | "currency" | "direction" | "target" | "targetMax" | "redThreshold"> & {
  points: Array<{ period: string; label: string; value: number }>;
};

const GREEN = "var(--color-status-green)";
const RED = "var(--color-status-red)";
const INK = "var(--color-foreground)";
const GRID = "var(--color-border)";

// Plot widths the period labels must fit: a phone's card, and a wide one (sm and up).
const PHONE_PLOT_PX = 230;
const WIDE_PLOT_PX = 600;
// Text is not measured on the server: 12 px text averages under 7 px a character.
const labelPx = (label: string) => label.length * 7 + 16;

/** One decimal of a percent is finer than any screen shows; it keeps the HTML short. */
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/** Every `step`-th index from the first, and the last (the one before it gives way when too close). */
function everyNth(count: number, step: number): number[] {
  const indices: number[] = [];
  for (let i = 0; count - 1 - i >= step; i += step) indices.push(i);
  indices.push(count - 1);
  return indices;
}

/**
 * The period labels to show: as many as fit a wide plot, and of those the ones that also fit a
 * phone (a multiple of the wide step, so the phone's labels are a subset of the wide ones).
 */
export function periodLabelIndices(labels: string[]): { wide: number[]; phone: Set<number> } {
  if (labels.length === 1) return { wide: [0], phone: new Set([0]) };
  const widest = Math.max(...labels.map(labelPx));
  const stepFor = (plotPx: number) => Math.ceil((labels.length - 1) / Math.max(1, Math.floor(plotPx / widest)));
  const wideStep = stepFor(WIDE_PLOT_PX);
  const phoneStep = wideStep * Math.ceil(stepFor(PHONE_PLOT_PX) / wideStep);
  return { wide: everyNth(labels.length, wideStep), phone: new Set(everyNth(labels.length, phoneStep)) };
}

export function KpiHistoryChart({ data }: { data: KpiChartData }) {
  const { points } = data;
  if (points.length === 0) return null;
  const fmt = (v: number) => formatKpiValue(v, data.unit, data.currency);
  const top = data.targetMax ?? data.target;
  // The red lines: one for up/down, one each side of the range for range KPIs.
  const redLines = data.direction === "range" ? [data.target - data.redThreshold, top + data.redThreshold] : [data.redThreshold];
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values, data.target, ...redLines), Math.max(...values, top, ...redLines));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;
  // Positions in percent of the plot box: x from the left, y from the top.
  const x = (i: number) => (points.length === 1 ? 50 : (i * 100) / (points.length - 1));
  const y = (v: number) => ((hi - v) * 100) / (hi - lo);
  const labels = periodLabelIndices(points.map((p) => p.label));
  // A reference label sits just under its line, or just over it when the line is near the bottom.
  const referenceLabel = (value: number, text: string, className: string) => (
    <span
      key={text}
      className={`absolute left-1 rounded-sm bg-background/85 px-1 leading-4 font-medium ${y(value) > 85 ? "-translate-y-full" : ""} ${className}`}
      style={{ top: pct(y(value)) }}
    >
      {text}
    </span>
  );
  const line = { x1: 0, x2: 100, vectorEffect: "non-scaling-stroke" } as const;

  return (
    // A picture for sighted users; KpiValuesTable next to it carries the same data for everyone else.
    <div aria-hidden="true" data-slot="kpi-history-chart" className="w-full max-w-3xl pt-2 pr-8 pb-6 pl-16 text-xs text-muted-foreground">
      <div className="relative h-48 sm:h-56">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" className="absolute inset-0 size-full overflow-visible">
          {ticks.map((t) => (
            <line key={t} {...line} y1={y(t)} y2={y(t)} stroke={GRID} strokeDasharray="3 3" />
          ))}
          {data.direction === "range" ? (
            <rect x={0} width={100} y={y(top)} height={y(data.target) - y(top)} fill={GREEN} fillOpacity={0.12} stroke={GREEN} strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
          ) : (
            <line {...line} y1={y(data.target)} y2={y(data.target)} stroke={GREEN} strokeDasharray="6 3" strokeWidth={2} />
          )}
          {redLines.map((v, i) => (
            <line key={i} {...line} y1={y(v)} y2={y(v)} stroke={RED} strokeDasharray="2 3" strokeWidth={2} />
          ))}
          {points.length > 1 ? (
            <polyline
              points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")}
              fill="none"
              stroke={INK}
              strokeWidth={2}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          ) : null}
        </svg>
        {ticks.map((t) => (
          <span key={t} className="absolute right-full mr-2 -translate-y-1/2 whitespace-nowrap tabular-nums" style={{ top: pct(y(t)) }}>
            {fmt(t)}
          </span>
        ))}
        {labels.wide.map((i) => (
          <span key={i} className={`absolute top-full mt-1 -translate-x-1/2 whitespace-nowrap ${labels.phone.has(i) ? "" : "max-sm:hidden"}`} style={{ left: pct(x(i)) }}>
            {points[i]!.label}
          </span>
        ))}
        {data.direction === "range" ? referenceLabel(top, "Target range", "text-status-green") : referenceLabel(data.target, `Target ${fmt(data.target)}`, "text-status-green")}
        {redLines.map((v) => referenceLabel(v, `Red ${fmt(v)}`, "text-status-red"))}
        {points.map((p, i) => (
          // The dot's title is its tooltip; the wide transparent border makes it easier to hover.
          <span
            key={p.period}
            title={`${p.label}: ${fmt(p.value)}`}
            data-value={p.value}
            className="absolute size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-4 border-transparent bg-foreground bg-clip-padding"
            style={{ left: pct(x(i)), top: pct(y(p.value)) }}
          />
        ))}
      </div>
    </div>
  );
}
