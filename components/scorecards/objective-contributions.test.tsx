// An objective's "Contributes to" in the editor: shown only when there are objectives above to
// contribute to, each current one removable by an editor, the others offered in the select.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { EditorProvider, type EditorActions, type EditorContributions } from "./editor-context";
import { ObjectiveContributions } from "./objective-contributions";

// The forms refresh the page after a write; there is no router in a server render.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));

const noop = async () => ({ ok: true as const });
const actions = new Proxy({}, { get: () => noop }) as unknown as EditorActions;

function render(canWrite: boolean, contributions?: EditorContributions) {
  return renderToStaticMarkup(
    <EditorProvider team="acme" scorecardId="sc1" canWrite={canWrite} members={[]} stages={[]} perspectives={[]} actions={actions} contributions={contributions}>
      <ObjectiveContributions objective={{ id: "o1", title: "Sell in EMEA", version: 3 }} />
    </EditorProvider>,
  );
}

const targets = [
  { id: "t1", title: "Grow revenue", scorecardName: "Company" },
  { id: "t2", title: "Sell more", scorecardName: "Sales" },
];

describe("ObjectiveContributions", () => {
  it("is absent at a root scorecard (nothing above)", () => {
    expect(render(true)).toBe("");
    expect(render(true, { targets: [], byObjective: {} })).toBe("");
  });

  it("lists what it contributes to with a named remove button, and offers the others", () => {
    const html = render(true, { targets, byObjective: { o1: ["t1"] } });
    expect(html).toContain("Grow revenue · Company");
    expect(html).toContain("Stop “Sell in EMEA” contributing to “Grow revenue”");
    expect(html).toContain('<option value="t2">Sell more (Sales)</option>');
    expect(html).not.toContain('<option value="t1">');
    expect(html).toContain("Objective above that “Sell in EMEA” contributes to");
  });

  it("shows a viewer the contributions without any control", () => {
    const html = render(false, { targets, byObjective: { o1: ["t1"] } });
    expect(html).toContain("Grow revenue · Company");
    expect(html).not.toContain("<select");
    expect(html).not.toContain("Stop “Sell in EMEA”");
  });
});
