// Rendered to HTML as the server does for a viewer: the whole canvas (stages, cards, curve,
// alignment) with none of the editing controls, and each stage's comments button.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { CanvasStage, CanvasStageKpi } from "@/lib/journeys/canvas";
import { ReadOnlyCanvas } from "./read-only-canvas";

// Who is editing comes from the team's live connection, which a static render does not have.
vi.mock("@/components/realtime/presence-avatars", () => ({ EditingMarker: () => null }));

const kpi = (id: string, stale: boolean): CanvasStageKpi => ({
  id, name: `KPI ${id}`, objectiveTitle: "Grow", indicator: "leading", value: "72%", thresholds: "Target ≥ 80%, red below 50%", status: "amber", stale,
});

const stage = (id: string, name: string, extra: Partial<CanvasStage> = {}): CanvasStage => ({
  id, name, version: 1, customerGoal: "", doing: "", thinking: "", feeling: "", emotion: null, adoptionPhase: false,
  health: { status: "grey", score: null, scored: 0, total: 0 }, objectives: [], kpis: [], kpiCount: 0, staleKpiCount: 0, touchpoints: [], painPoints: [], opportunities: [],
  ...extra,
});

const stages = [
  stage("s1", "Discovery", {
    customerGoal: "Find a trail",
    emotion: 1,
    kpis: [kpi("k1", true)],
    kpiCount: 1,
    staleKpiCount: 1,
    touchpoints: [{ id: "t1", stageId: "s1", channel: "social", channelDetail: "Instagram", description: "Trail videos", ownerId: "u1", ownerName: "Eli Novak", version: 1 }],
    painPoints: [{ id: "n1", stageId: "s1", kind: "pain_point", text: "Which shoes?", version: 1 }],
  }),
  stage("s2", "Onboarding", { adoptionPhase: true, emotion: -1, objectives: [{ id: "o1", title: "Grow", perspectiveKind: "customer", status: "amber" }] }),
];

// "Show all" fetches through TanStack Query, which the team's LiveProvider provides on the page.
const render = (list: CanvasStage[]) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <ReadOnlyCanvas team="acme" journeyId="j1" journeyName="Weekend hiker" stages={list} />
    </QueryClientProvider>,
  );

describe("ReadOnlyCanvas", () => {
  it("shows every stage, card and score without an editing control", () => {
    const html = render(stages);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Discovery: touchpoints"');
    expect(html).toContain("Trail videos");
    expect(html).toContain("Owner: Eli Novak");
    expect(html).toContain('aria-label="Discovery: pain points"');
    expect(html).toContain("No opportunities yet.");
    expect(html).toContain('data-emotion-curve="Discovery:1|Onboarding:-1"');
    expect(html).toContain("1 stale KPI not counted");
    expect(html).toContain("Read-only: your role can view this journey.");
    expect(html.replace(/<[^>]+>/g, "")).toContain("Comments on stage Discovery");
    for (const control of ["Reorder ", "Move Discovery", "Add touchpoint", "Edit stage", "Emotion at ", "Actions for ", "draggable", "<select"]) {
      expect(html).not.toContain(control);
    }
  });

  it("draws a stage's worst KPIs and offers the rest on request", () => {
    const shown = Array.from({ length: 6 }, (_, i) => kpi(`k${i}`, false));
    const html = render([stage("s1", "Usage", { kpis: shown, kpiCount: 64 })]);
    expect(html.match(/KPI k\d/g)).toHaveLength(6);
    expect(html).toContain('aria-expanded="false"');
    expect(html.replace(/<[^>]+>/g, "")).toContain("Show all 64 KPIs of Usage");
    expect(html).toContain("and 58 more KPIs");
    // All of them shown: no control.
    expect(render([stage("s1", "Usage", { kpis: shown, kpiCount: 6 })])).not.toContain("Show all");
  });

  it("says there are no stages yet, with nothing to add them", () => {
    const html = render([]);
    expect(html).toContain("No stages yet");
    expect(html).not.toContain("Add stage");
  });
});
