// Rendered to HTML on the server, as the share page renders it: no client runtime, no measuring.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatKpiValue } from "@/lib/dashboards/format";
import type { KpiChartData } from "./kpi-history-chart";
import { KpiHistoryChart } from "./kpi-history-chart";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const points = (values: number[]) => values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}-01`, label: `${months[i % 12]} 2026`, value }));

const up: KpiChartData = { name: "Net revenue", unit: "currency", currency: "USD", direction: "up", target: 1200, targetMax: null, redThreshold: 400, points: points([500, 900, 1250]) };
const range: KpiChartData = { name: "Cycle time", unit: "count", currency: null, direction: "range", target: 10, targetMax: 20, redThreshold: 5, points: points([8, 14, 26]) };

// Currency text comes from formatKpiValue, whose cached formatter keeps the cents choice of the
// first value it formatted in the process: expect whatever it says rather than a literal.
const usd = (v: number) => formatKpiValue(v, "currency", "USD");
const render = (data: KpiChartData) => renderToStaticMarkup(<KpiHistoryChart data={data} />);
/** Every element of one tag, as its attribute string and its text. */
const elements = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*?)(?:/>|>(.*?)</${tag}>)`, "g"))].map((m) => ({ attrs: m[1]!, text: m[2] ?? "" }));
const attr = (attrs: string, name: string) => Number(new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)![1]);

describe("KpiHistoryChart", () => {
  it("renders nothing without points", () => {
    expect(render({ ...up, points: [] })).toBe("");
  });

  it("is a scalable picture hidden from assistive tech", () => {
    const html = render(up);
    expect(html).toMatch(/^<svg aria-hidden="true" viewBox="0 0 \d+ \d+" width="100%" class="h-auto w-full max-w-3xl"/);
  });

  it("draws one dot per point whose title gives the period and the formatted value", () => {
    const dots = elements(render(up), "circle");
    expect(dots.map((d) => d.text)).toEqual([`<title>Jan 2026: ${usd(500)}</title>`, `<title>Feb 2026: ${usd(900)}</title>`, `<title>Mar 2026: ${usd(1250)}</title>`]);
    expect(usd(1250)).toMatch(/^\$1,250/);
  });

  it("draws a lower value lower (larger y) and later periods further right", () => {
    const dots = elements(render({ ...up, points: points([700, 300, 1100]) }), "circle");
    const [jan, feb, mar] = dots.map((d) => ({ x: attr(d.attrs, "cx"), y: attr(d.attrs, "cy") }));
    expect(feb!.y).toBeGreaterThan(jan!.y);
    expect(jan!.y).toBeGreaterThan(mar!.y);
    expect(jan!.x).toBeLessThan(feb!.x);
    expect(feb!.x).toBeLessThan(mar!.x);
  });

  it("labels the dashed target line and one red line for an up KPI", () => {
    const html = render(up);
    expect(html).toContain(`>Target ${usd(1200)}</text>`);
    expect(html).toContain(`>Red ${usd(400)}</text>`);
    expect(elements(html, "line").filter((l) => l.attrs.includes('stroke="var(--color-status-green)"') && l.attrs.includes("stroke-dasharray"))).toHaveLength(1);
    expect(elements(html, "line").filter((l) => l.attrs.includes('stroke="var(--color-status-red)"'))).toHaveLength(1);
    expect(html).not.toContain("<rect");
  });

  it("draws a range KPI's target as a band between target and targetMax, with a red line each side", () => {
    const html = render(range);
    const [band] = elements(html, "rect");
    expect(band!.attrs).toContain('fill="var(--color-status-green)"');
    expect(band!.attrs).toContain('fill-opacity="0.12"');
    expect(html).toContain(">Target range</text>");
    expect(html).not.toContain(">Target 10</text>");
    // target − red threshold and targetMax + red threshold, as KpiDetailChart draws them.
    expect(html).toContain(">Red 5</text>");
    expect(html).toContain(">Red 25</text>");
    const reds = elements(html, "line").filter((l) => l.attrs.includes('stroke="var(--color-status-red)"'));
    expect(reds).toHaveLength(2);
    // The band spans from the y of 20 (its top) to the y of 10, between the two red lines.
    const [lower, upper] = reds.map((l) => attr(l.attrs, "y1"));
    const top = attr(band!.attrs, "y");
    const bottom = top + attr(band!.attrs, "height");
    expect(upper!).toBeLessThan(top);
    expect(bottom).toBeLessThan(lower!);
  });

  it("puts a grid line and a formatted label at every y tick", () => {
    const html = render({ ...range, unit: "percent" });
    const grid = elements(html, "line").filter((l) => l.attrs.includes('stroke="var(--color-border)"'));
    // The ticks run from 5 (the lower red line) past 26 (the highest value) at a step of 5.
    expect(grid).toHaveLength(6);
    for (const tick of ["5%", "10%", "15%", "20%", "25%", "30%"]) expect(html).toContain(`>${tick}</text>`);
    expect(html).not.toContain(">0%</text>");
  });

  it("centres a single point and draws no line through it", () => {
    const html = render({ ...up, points: points([800]) });
    const [dot] = elements(html, "circle");
    expect(dot!.text).toBe(`<title>Jan 2026: ${usd(800)}</title>`);
    expect(html).not.toContain("<polyline");
    expect(html).toContain(">Jan 2026</text>");
  });

  it("thins the period labels so they do not overlap, keeping the first and the last", () => {
    const values = Array.from({ length: 36 }, (_, i) => 400 + i * 25);
    const data = { ...up, points: values.map((value, i) => ({ period: `p${i}`, label: `${months[i % 12]} ${2024 + Math.floor(i / 12)}`, value })) };
    const html = render(data);
    const periodLabels = elements(html, "text").filter((t) => /^[A-Z][a-z]{2} \d{4}$/.test(t.text));
    expect(periodLabels.length).toBeGreaterThanOrEqual(2);
    expect(periodLabels.length).toBeLessThanOrEqual(8);
    expect(periodLabels[0]!.text).toBe("Jan 2024");
    expect(periodLabels.at(-1)!.text).toBe("Dec 2026");
    // "Dec 2026" is 8 glyphs of at most ~10 units at 16-unit text: centres at least ~90 apart cannot overlap.
    const xs = periodLabels.map((t) => attr(t.attrs, "x"));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(90);
    expect(elements(html, "circle")).toHaveLength(36);
  });
});
