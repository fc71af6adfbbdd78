// KpiHistoryChart: one KPI's actual values over time against its target and red threshold, as
// plain SVG. It needs no hooks, no client JavaScript and no measuring in the browser, so the same
// chart renders in the members' dashboard (from fetched values) and as server HTML on the share
// pages, which ship no client runtime (Recharts draws nothing on the server).
import { niceTicks } from "@/lib/dashboards/chart-ticks";
import { formatKpiValue, type KpiUnit } from "@/lib/dashboards/format";

export interface KpiChartData {
  name: string;
  unit: KpiUnit;
  currency: string | null;
  direction: "up" | "down" | "range";
  target: number;
  targetMax: number | null;
  redThreshold: number;
  points: Array<{ period: string; label: string; value: number }>;
}

const GREEN = "var(--color-status-green)";
const RED = "var(--color-status-red)";
const INK = "var(--color-foreground)";
const MUTED = "var(--color-muted-foreground)";
const GRID = "var(--color-border)";

// The drawing in user units; the SVG scales with its box. 16-unit text is about 8.5 CSS pixels on a
// 340-pixel-wide phone and about 19 at the widest (max-w-3xl), legible at both ends.
const WIDTH = 640;
const HEIGHT = 256;
const FONT = 16;
// Text cannot be measured on the server: a generous average glyph width (digits, "$", ",") stands in.
const CHAR = FONT * 0.6;
const PLOT_TOP = 10;
const PLOT_BOTTOM = HEIGHT - FONT - 14;
const MAX_X_LABELS = 8;

/** One decimal is finer than any screen shows; it keeps the HTML short. */
const r1 = (n: number) => Math.round(n * 10) / 10;
const textWidth = (s: string) => s.length * CHAR;

/** Indices of the x labels to show: the first, the last and evenly spaced ones between that do not overlap. */
function xLabelIndices(count: number, plotWidth: number, widest: number): number[] {
  if (count === 1) return [0];
  const fit = Math.max(2, Math.min(MAX_X_LABELS, Math.floor(plotWidth / (widest + FONT)) + 1));
  const every = Math.ceil((count - 1) / (fit - 1));
  const indices: number[] = [];
  // A label closer to the last than `every` points would collide with it: the last one wins.
  for (let i = 0; count - 1 - i >= every; i += every) indices.push(i);
  indices.push(count - 1);
  return indices;
}

export function KpiHistoryChart({ data }: { data: KpiChartData }) {
  const { points } = data;
  if (points.length === 0) return null;
  const fmt = (v: number) => formatKpiValue(v, data.unit, data.currency);
  const top = data.targetMax ?? data.target;
  // The red lines: one for up/down, one each side of the range for range KPIs (as KpiDetailChart).
  const redLines = data.direction === "range" ? [data.target - data.redThreshold, top + data.redThreshold] : [data.redThreshold];
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values, data.target, ...redLines), Math.max(...values, top, ...redLines));
  const lo = ticks[0]!;
  const hi = ticks[ticks.length - 1]!;

  // Margins wide enough for the longest y label on the left and half an x label at either end.
  const tickLabels = ticks.map(fmt);
  const xLabels = points.map((p) => p.label);
  const widestX = Math.max(...xLabels.map(textWidth));
  const plotLeft = r1(Math.max(40, ...tickLabels.map((s) => textWidth(s) + 10), textWidth(xLabels[0]!) / 2 + 4));
  const plotRight = r1(WIDTH - Math.max(16, textWidth(xLabels[xLabels.length - 1]!) / 2 + 4));
  const plotWidth = plotRight - plotLeft;

  const x = (i: number) => r1(points.length === 1 ? plotLeft + plotWidth / 2 : plotLeft + (i * plotWidth) / (points.length - 1));
  const y = (v: number) => r1(PLOT_BOTTOM - ((v - lo) * (PLOT_BOTTOM - PLOT_TOP)) / (hi - lo));
  // Reference labels sit where KpiDetailChart puts them (target below its line, red above), unless
  // that would leave the plot, where they would run into the axis labels.
  const labelY = (lineY: number, prefer: "above" | "below") => {
    const above = lineY - 5;
    const below = lineY + FONT + 1;
    if (prefer === "above") return above - FONT < PLOT_TOP ? below : above;
    return below > PLOT_BOTTOM ? above : below;
  };
  // A halo in the page colour keeps a label readable where the value line crosses it.
  const label = { fontSize: FONT, stroke: "var(--color-background)", strokeWidth: 4, paintOrder: "stroke" } as const;

  return (
    // A picture for sighted users; KpiValuesTable next to it carries the same data for everyone else.
    <svg aria-hidden="true" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="h-auto w-full max-w-3xl" data-slot="kpi-history-chart">
      {ticks.map((t, i) => (
        <g key={t}>
          <line x1={plotLeft} x2={plotRight} y1={y(t)} y2={y(t)} stroke={GRID} strokeDasharray="3 3" />
          <text x={plotLeft - 8} y={y(t)} dy="0.35em" textAnchor="end" fontSize={FONT} fill={MUTED}>
            {tickLabels[i]}
          </text>
        </g>
      ))}
      {xLabelIndices(points.length, plotWidth, widestX).map((i) => (
        <text key={points[i]!.period} x={x(i)} y={HEIGHT - 6} textAnchor="middle" fontSize={FONT} fill={MUTED}>
          {xLabels[i]}
        </text>
      ))}

      {data.direction === "range" ? (
        <rect x={plotLeft} y={y(top)} width={plotWidth} height={r1(y(data.target) - y(top))} fill={GREEN} fillOpacity={0.12} stroke={GREEN} strokeDasharray="4 4" />
      ) : (
        <line x1={plotLeft} x2={plotRight} y1={y(data.target)} y2={y(data.target)} stroke={GREEN} strokeDasharray="6 3" strokeWidth={2} />
      )}
      {redLines.map((v, i) => (
        <line key={i} x1={plotLeft} x2={plotRight} y1={y(v)} y2={y(v)} stroke={RED} strokeDasharray="2 3" strokeWidth={2} />
      ))}

      {points.length > 1 ? (
        <polyline points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ")} fill="none" stroke={INK} strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" />
      ) : null}
      {points.map((p, i) => (
        // The transparent stroke widens the hover target for the <title> beyond the small dot.
        <circle key={p.period} cx={x(i)} cy={y(p.value)} r={3.5} fill={INK} stroke="transparent" strokeWidth={12}>
          <title>{`${p.label}: ${fmt(p.value)}`}</title>
        </circle>
      ))}

      {/* Labels last, so they are painted over the value line rather than under it. */}
      {data.direction === "range" ? (
        <text x={plotLeft + 6} y={r1(y(top) + FONT + 1)} fill={GREEN} {...label}>
          Target range
        </text>
      ) : (
        <text x={plotLeft + 6} y={labelY(y(data.target), "below")} fill={GREEN} {...label}>
          {`Target ${fmt(data.target)}`}
        </text>
      )}
      {redLines.map((v, i) => (
        <text key={i} x={plotLeft + 6} y={labelY(y(v), "above")} fill={RED} {...label}>
          {`Red ${fmt(v)}`}
        </text>
      ))}
    </svg>
  );
}
