// Axis ticks for the KPI history chart (components/dashboard/kpi-history-chart.tsx).

/** Round axis bounds and about five ticks at a 1–2–5 step, so the axis reads 0, 10, 20… rather than 7.26, 17.26… */
export function niceTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  // This runs on the server for the share page, so odd stored values must not hang a request: bounds
  // so far apart that the span overflows, or so close that adding a step does not change them (say
  // 1e16 and 1e16 + 2), would loop forever below. Such an axis gets its bare bounds.
  if (!Number.isFinite(step) || !(step > 0) || lo + step === lo || hi + step === hi) return lo < hi ? [lo, hi] : [lo - 1, hi + 1];
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= hi + step * 1e-9 || ticks.length < 2; t += step) ticks.push(Number(t.toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}
