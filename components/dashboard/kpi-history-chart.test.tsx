// Rendered to HTML on the server, as the share page renders it: no client runtime, no measuring.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatKpiValue } from "@/lib/dashboards/format";
import { KpiHistoryChart, periodLabelIndices, type KpiChartData } from "./kpi-history-chart";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const points = (values: number[]) => values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}-01`, label: `${months[i % 12]} 2026`, value }));

const up: KpiChartData = { name: "Net revenue", unit: "currency", currency: "USD", direction: "up", target: 1200, targetMax: null, redThreshold: 400, points: points([500, 900, 1250]) };
const range: KpiChartData = { name: "Cycle time", unit: "count", currency: null, direction: "range", target: 10, targetMax: 20, redThreshold: 5, points: points([8, 14, 26]) };

const usd = (v: number) => formatKpiValue(v, "currency", "USD");
const render = (data: KpiChartData) => renderToStaticMarkup(<KpiHistoryChart data={data} />);
/** Every element of one tag, as its attribute string and its text. */
const elements = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*?)(?:/>|>(.*?)</${tag}>)`, "g"))].map((m) => ({ attrs: m[1]!, text: m[2] ?? "" }));
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
const num = (attrs: string, name: string) => Number(attr(attrs, name));
/** A percentage from an inline style, e.g. top of `style="left:50%;top:12.5%"`. */
const stylePct = (attrs: string, property: "left" | "top") => Number(new RegExp(`${property}:(-?[\\d.]+)%`).exec(attr(attrs, "style") ?? "")![1]);
const dots = (html: string) => elements(html, "span").filter((s) => s.attrs.includes("data-value="));

describe("KpiHistoryChart", () => {
  it("renders nothing without points", () => {
    expect(render({ ...up, points: [] })).toBe("");
  });

  it("is a picture hidden from assistive tech", () => {
    expect(render(up)).toMatch(/^<div aria-hidden="true" data-slot="kpi-history-chart"/);
  });

  it("places one dot per point whose title gives the period and the formatted value", () => {
    expect(dots(render(up)).map((d) => attr(d.attrs, "title"))).toEqual([`Jan 2026: ${usd(500)}`, `Feb 2026: ${usd(900)}`, `Mar 2026: ${usd(1250)}`]);
  });

  it("draws a lower value lower and later periods further right", () => {
    const [jan, feb, mar] = dots(render({ ...up, points: points([700, 300, 1100]) })).map((d) => ({ x: stylePct(d.attrs, "left"), y: stylePct(d.attrs, "top") }));
    expect(feb!.y).toBeGreaterThan(jan!.y);
    expect(jan!.y).toBeGreaterThan(mar!.y);
    expect([jan!.x, feb!.x, mar!.x]).toEqual([0, 50, 100]);
  });

  it("labels the dashed target line and one red line for an up KPI", () => {
    const html = render(up);
    expect(html).toContain(`>Target ${usd(1200)}</span>`);
    expect(html).toContain(`>Red ${usd(400)}</span>`);
    const lines = elements(html, "line");
    expect(lines.filter((l) => l.attrs.includes(`stroke="var(--color-status-green)"`))).toHaveLength(1);
    expect(lines.filter((l) => l.attrs.includes(`stroke="var(--color-status-red)"`))).toHaveLength(1);
    expect(html).not.toContain("<rect");
  });

  it("draws a range KPI's target as a band between target and targetMax, with a red line each side", () => {
    const html = render(range);
    const [band] = elements(html, "rect");
    expect(band!.attrs).toContain('fill-opacity="0.12"');
    expect(html).toContain(">Target range</span>");
    expect(html).toContain(">Red 5</span>");
    expect(html).toContain(">Red 25</span>");
    const [lower, upper] = elements(html, "line")
      .filter((l) => l.attrs.includes(`stroke="var(--color-status-red)"`))
      .map((l) => num(l.attrs, "y1"));
    const bandTop = num(band!.attrs, "y");
    expect(upper!).toBeLessThan(bandTop);
    expect(bandTop + num(band!.attrs, "height")).toBeLessThan(lower!);
  });

  it("puts a grid line and a formatted label at every y tick", () => {
    const html = render({ ...range, unit: "percent" });
    // The ticks run from 5 (the lower red line) past 26 (the highest value) at a step of 5.
    expect(elements(html, "line").filter((l) => l.attrs.includes(`stroke="var(--color-border)"`))).toHaveLength(6);
    for (const tick of ["5%", "10%", "15%", "20%", "25%", "30%"]) expect(html).toContain(`>${tick}</span>`);
  });

  it("centres a single point and draws no line through it", () => {
    const html = render({ ...up, points: points([800]) });
    expect(dots(html).map((d) => stylePct(d.attrs, "left"))).toEqual([50]);
    expect(html).not.toContain("<polyline");
    expect(html).toContain(">Jan 2026</span>");
  });
});

describe("periodLabelIndices", () => {
  const labels = (n: number, label = (i: number) => `${months[i % 12]} ${2024 + Math.floor(i / 12)}`) => Array.from({ length: n }, (_, i) => label(i));

  it("keeps every label when they fit, and the first and the last always", () => {
    expect(periodLabelIndices(labels(4))).toEqual({ wide: [0, 1, 2, 3], phone: new Set([0, 1, 2, 3]) });
    const { wide, phone } = periodLabelIndices(labels(36));
    expect(wide[0]).toBe(0);
    expect(wide.at(-1)).toBe(35);
    expect(phone.has(0) && phone.has(35)).toBe(true);
  });

  it("shows fewer labels on a phone, all of them among the wide ones", () => {
    const { wide, phone } = periodLabelIndices(labels(36));
    expect(phone.size).toBeLessThan(wide.length);
    expect(phone.size).toBeGreaterThanOrEqual(2);
    for (const i of phone) expect(wide).toContain(i);
  });

  it("spaces long labels further apart than short ones", () => {
    const short = periodLabelIndices(labels(52, (i) => `W${i + 1}`)).wide.length;
    const long = periodLabelIndices(labels(52, (i) => `Week of 2026-${String(i + 1).padStart(2, "0")}-01`)).wide.length;
    expect(long).toBeLessThan(short);
  });
});
