"use client";
// KpiDetailChart: one KPI's actual values over time against its target and red threshold
// (Recharts). Loaded on demand by KpiChartDisclosure, so Recharts is fetched only when a chart is opened.
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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

/** Round axis bounds and about five ticks at a 1–2–5 step, so the axis reads 0, 10, 20… rather than 7.26, 17.26… */
function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= hi + step * 1e-9 || ticks.length < 2; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

const GREEN = "var(--color-status-green)";
const RED = "var(--color-status-red)";
const INK = "var(--color-foreground)";
const MUTED = "var(--color-muted-foreground)";

export default function KpiDetailChart({ data }: { data: KpiChartData }) {
  const fmt = (v: number) => formatKpiValue(v, data.unit, data.currency);
  const top = data.targetMax ?? data.target;
  // The red lines: one for up/down, one each side of the range for range KPIs.
  const redLines = data.direction === "range" ? [data.target - data.redThreshold, top + data.redThreshold] : [data.redThreshold];
  const values = data.points.map((p) => p.value);
  const ticks = niceTicks(Math.min(...values, data.target, ...redLines), Math.max(...values, top, ...redLines));

  return (
    // The chart is a picture for sighted users; the table next to it carries the same data for everyone else.
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data.points} margin={{ top: 16, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: MUTED, fontSize: 12 }} minTickGap={16} />
          <YAxis domain={[ticks[0]!, ticks[ticks.length - 1]!]} ticks={ticks} tick={{ fill: MUTED, fontSize: 12 }} tickFormatter={(v: number) => fmt(v)} width={72} />
          {data.direction === "range" ? (
            <ReferenceArea y1={data.target} y2={top} fill={GREEN} fillOpacity={0.12} stroke={GREEN} strokeDasharray="4 4" label={{ value: "Target range", position: "insideTopLeft", fill: GREEN, fontSize: 12 }} />
          ) : (
            <ReferenceLine y={data.target} stroke={GREEN} strokeDasharray="6 3" strokeWidth={2} label={{ value: `Target ${fmt(data.target)}`, position: "insideTopLeft", fill: GREEN, fontSize: 12 }} />
          )}
          {redLines.map((y) => (
            <ReferenceLine key={y} y={y} stroke={RED} strokeDasharray="2 3" strokeWidth={2} label={{ value: `Red ${fmt(y)}`, position: "insideBottomLeft", fill: RED, fontSize: 12 }} />
          ))}
          <Tooltip formatter={(v) => [fmt(Number(v)), "Actual"]} contentStyle={{ fontSize: 12 }} isAnimationActive={false} />
          <Line type="monotone" dataKey="value" name="Actual" stroke={INK} strokeWidth={2} dot={{ r: 2.5, fill: INK }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
