// The editor's objective cards as the server draws them: every row from its own fields, the lists
// they share from the provider, no edit control for a viewer, and past the first screens only a
// note (the browser draws those right after hydration, from the same props).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { EditorKpi, EditorObjective } from "@/lib/scorecards/editor-view";
import { EditorProvider, type EditorActions } from "./editor-context";
import { ObjectiveCards } from "./objective-card";

// Presence needs the live stream's provider; nobody else is here in a server render.
vi.mock("@/components/realtime/presence-avatars", () => ({ EditingMarker: () => null }));

const noop = async () => ({ ok: true as const });
const actions = Object.fromEntries(
  ["createObjective", "updateObjective", "deleteObjective", "createKpi", "addKpisFromLibrary", "updateKpi", "deleteKpi", "createInitiative", "updateInitiative", "deleteInitiative"].map((k) => [k, noop]),
) as unknown as EditorActions;

const kpi = (id: string, name: string): EditorKpi => ({
  id, name, description: "", unit: "percent", currency: null, direction: "up", baseline: null, target: 80, targetMax: null, redThreshold: 60, frequency: "monthly",
  indicator: "leading", source: "manual", ownerId: "u1", weight: 1, version: 3, latest: "85%", period: "Nov 2026", thresholds: "Target ≥ 80%, red below 60%",
  share: "50%", status: "green", stale: false, score: "7.5", trend: "improving",
});

const objective = (id: string, title: string): EditorObjective => ({
  id, title, description: "Why it matters", ownerId: "u2", weight: 1, stageIds: ["s1"], version: 1, share: "50%",
  rollup: { score: 7.5, status: "green", coverage: { scored: 2, total: 2 } },
  kpis: [kpi(`${id}-k1`, `${title} KPI one`), kpi(`${id}-k2`, `${title} KPI two`)],
  initiatives: [{ id: `${id}-i1`, title: `${title} initiative`, description: "", ownerId: null, startDate: null, dueDate: null, status: "planned", progress: 40, budget: 1000, version: 1 }],
});

function render(canWrite: boolean, objectives: EditorObjective[], eager: number) {
  return renderToStaticMarkup(
    <EditorProvider
      team="acme"
      scorecardId="sc1"
      canWrite={canWrite}
      members={[{ userId: "u1", name: "Dana Whitfield" }, { userId: "u2", name: "Eli Novak" }]}
      stages={[{ id: "s1", name: "Onboarding" }]}
      perspectives={[{ id: "p1", name: "Customer" }]}
      actions={actions}
    >
      <ObjectiveCards objectives={objectives} perspectiveId="p1" perspectiveKind="customer" eager={eager} />
    </EditorProvider>,
  );
}

describe("ObjectiveCards on the server", () => {
  it("draws each row from its own fields and the shared lists from the provider", () => {
    const html = render(true, [objective("o1", "Keep customers")], 1);
    expect(html.match(/data-testid="kpi-row"/g)).toHaveLength(2);
    expect(html).toContain('href="/t/acme/scorecards/sc1/kpis/o1-k1"');
    expect(html).toContain("Target ≥ 80%, red below 60%");
    expect(html).toContain("Dana Whitfield");
    expect(html).toContain("Owner: Eli Novak");
    expect(html).toContain(">Onboarding<");
    expect(html).toContain('aria-label="Edit KPI Keep customers KPI one"');
    expect(html).toContain('aria-label="Delete objective Keep customers"');
    expect(html).toContain('aria-label="Progress of Keep customers initiative"');
    expect(html).toContain("Budget 1,000");
  });

  it("gives a viewer the same figures, comments and history, and no edit control", () => {
    const html = render(false, [objective("o1", "Keep customers")], 1);
    expect(html.match(/data-testid="kpi-row"/g)).toHaveLength(2);
    expect(html).toContain("Comments on KPI Keep customers KPI one");
    expect(html).toContain("History<span");
    expect(html).not.toMatch(/aria-label="(Edit|Delete) /);
    expect(html).not.toContain("Blank KPI");
    expect(html).not.toContain("From library");
    expect(html).not.toContain(">Actions<");
  });

  it("draws only the first screens' objectives, and says how many follow", () => {
    const html = render(true, [objective("o1", "First"), objective("o2", "Second"), objective("o3", "Third")], 1);
    expect(html.match(/data-testid="objective"/g)).toHaveLength(1);
    expect(html).toContain("2 more objectives below, shown once the page has loaded.");
    expect(html).not.toContain("Second KPI one");
  });
});
