// The grid as the server sends it: every value in its cell under its row and column headers (an
// editor's inputs and note buttons come once React runs, since before that nothing typed could be
// saved) or in a button that opens its history (a reader's), the statuses and scores in words,
// the look in a few classes. The hydrated grid is driven in e2e/measurements.spec.ts.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { GridModel } from "@/lib/measurements/grid-model";
import { EAGER_ROWS, MeasurementGrid, type GridActions } from "./measurement-grid";

const model: GridModel = {
  texts: ["Activation rate", "≥ 40% (red below 30%)", "Nov 2026"],
  sections: [
    {
      frequency: "monthly",
      columns: [
        ["2026-10-01", "Oct 2026", "Oct 2026"],
        ["2026-11-01", "Nov 2026", "Nov 2026"],
      ],
      perspectives: [
        {
          id: "p1",
          name: "Customer",
          summary: [20 / 3, "green", 1, 1],
          objectives: [
            {
              id: "o1",
              title: "Delight",
              summary: [20 / 3, "green", 1, 1],
              rows: [["k1", 0, "percent", null, 1, "green", 1, 20 / 3, 2, [35, 41.5], [1, 2], ["", "survey"]]],
            },
          ],
        },
      ],
    },
  ],
};
const never = () => new Promise<never>(() => {});
const actions: GridActions = { save: never, paste: never, remove: never, history: never };
const render = (canEdit: boolean) =>
  renderToStaticMarkup(<MeasurementGrid team="acme" scorecardId="s1" canEdit={canEdit} grid={model} actions={actions} help={<p id="grid-help">Help</p>} />);

describe("MeasurementGrid on the server", () => {
  it("shows an editor every value where its input will be, statuses and scores in words", () => {
    const html = render(true);
    expect(html).toContain('<h2 id="grid-monthly"');
    expect(html).toContain('class="w-full caption-bottom border-collapse text-sm mg mg-e mg-text"');
    expect(html).toContain('<span class="sr-only">Oct 2026</span>');
    expect(html).toContain('<th scope="row">Activation rate</th>');
    expect(html).toContain("<td>35</td><td>41.5</td></tr>");
    expect(html).toContain('data-testid="kpi-row-k1"');
    expect(html).toMatch(/data-testid="kpi-status-k1"><span data-status="green" data-stale="true" class="status-badge">On track<span class="sr-only">, <\/span><span data-stale="true">Stale<\/span>/);
    expect(html).toContain(`data-testid="kpi-score-k1" data-score="${20 / 3}"><span class="sr-only">score </span>6.67</span>`);
    expect(html).toContain('data-testid="objective-score-o1"');
    expect(html).toContain("1 of 1 KPIs scored");
    expect(html).toContain("Help");
    // No inputs or note buttons before React runs.
    expect(html).not.toContain("<input");
    expect(html).not.toContain("mg-note");
  });

  it("gives a reader no inputs: each value opens its note and history", () => {
    const html = render(false);
    expect(html).not.toContain("<input");
    expect(html).not.toContain("Help");
    expect(html).toContain('<button type="button">35<span class="sr-only"> Activation rate, Oct 2026: edit history</span></button>');
    expect(html).toContain("41.5<svg");
    expect(html).toContain('<span class="sr-only"> Activation rate, Nov 2026: note and edit history</span>');
  });

  it("draws only the first screens' rows, across sections, and says how many follow", () => {
    const row = (id: string) => ["k" + id, 0, "percent", null, 1, "green", 0, 5, null, [1, 2], [1, 1]] as GridModel["sections"][number]["perspectives"][number]["objectives"][number]["rows"][number];
    const objective = (id: string, n: number) => ({ id, title: id, summary: [5, "green", n, n] as [number, "green", number, number], rows: Array.from({ length: n }, (_, i) => row(`${id}-${i}`)) });
    const section = (frequency: "weekly" | "monthly", objectives: ReturnType<typeof objective>[]) => ({
      frequency,
      columns: model.sections[0]!.columns,
      perspectives: [{ id: `p-${frequency}`, name: frequency, summary: [5, "green", 1, 1] as [number, "green", number, number], objectives }],
    });
    const big: GridModel = { texts: model.texts, sections: [section("weekly", [objective("a", EAGER_ROWS - 4), objective("b", 6)]), section("monthly", [objective("c", 3)])] };
    const html = renderToStaticMarkup(<MeasurementGrid team="acme" scorecardId="s1" canEdit grid={big} actions={actions} />);
    expect(html.match(/data-testid="kpi-row-/g)).toHaveLength(EAGER_ROWS);
    expect(html).toContain('data-testid="kpi-row-kb-3"');
    expect(html).not.toContain('data-testid="kpi-row-kb-4"');
    // The monthly section: its heading and table, none of its rows yet, and the note.
    expect(html).toContain('<h2 id="grid-monthly"');
    expect(html).not.toContain('data-testid="objective-score-c"');
    expect(html).toContain("2 more KPIs below, shown once the page has loaded.");
    expect(html).toContain("3 more KPIs below, shown once the page has loaded.");
  });
});
