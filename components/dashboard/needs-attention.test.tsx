// Rendered to HTML on the server: each group lists its worst few and says how many more there are.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AttentionKpi } from "@/lib/dashboards/build-dashboard";
import { ATTENTION_LIMIT, NeedsAttention } from "./needs-attention";

const kpi = (i: number): AttentionKpi => ({
  id: `k${i}`,
  name: `KPI number ${i}`,
  objectiveTitle: "Grow",
  ownerName: null,
  value: 10,
  unit: "count",
  currency: null,
  periodLabel: "Nov 2026",
  score: 2,
  status: "amber",
  stale: false,
  explanation: null,
  plan: null,
});

describe("NeedsAttention", () => {
  it("lists at most the limit per group, worst first, and counts the rest", () => {
    const atRisk = Array.from({ length: ATTENTION_LIMIT + 3 }, (_, i) => kpi(i));
    const html = renderToStaticMarkup(<NeedsAttention attention={{ offTrack: [], unexplained: [], atRisk, noCurrentValue: [], pastDue: [] }} />);
    expect(html).toContain(`At risk <span class="font-normal text-muted-foreground">(${ATTENTION_LIMIT + 3})</span>`);
    for (let i = 0; i < ATTENTION_LIMIT; i++) expect(html).toContain(`>KPI number ${i}<`);
    expect(html).not.toContain(`>KPI number ${ATTENTION_LIMIT}<`);
    expect(html.replace(/<[^>]+>/g, "")).toContain("and 3 more: see the KPIs below.");
  });

  it("lists a short group whole, with no count of more", () => {
    const html = renderToStaticMarkup(<NeedsAttention attention={{ offTrack: [], unexplained: [], atRisk: [kpi(1), kpi(2)], noCurrentValue: [], pastDue: [] }} />);
    expect(html).toContain(">KPI number 2<");
    expect(html).not.toContain("more");
  });
});
