// Rendered to HTML on the server (no DOM needed): both sides of each field, with their labels
// and who saved theirs, in a definition list per field.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ConflictValues, theirsLabel } from "./conflict-values";

const text = (html: string) => html.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");

describe("ConflictValues", () => {
  it("shows, per field, theirs (with who saved it) and yours", () => {
    const label = theirsLabel({ name: "Dana Whitfield", at: "2026-05-04T09:12:00Z" });
    const html = renderToStaticMarkup(
      <ConflictValues
        labels={{ theirs: label, mine: "Yours" }}
        values={[
          { key: "target", label: "Target", theirs: "50", mine: "45" },
          { key: "ownerId", label: "Owner", theirs: "Dana Whitfield", mine: "Eli Novak" },
        ]}
      />,
    );
    expect(html).toContain('data-testid="conflict-values"');
    expect(html).toContain('data-field="target"');
    expect(text(html)).toContain(`|Target|${label}|50|Yours|45|`);
    expect(text(html)).toContain(`|Owner|${label}|Dana Whitfield|Yours|Eli Novak|`);
    expect((html.match(/<dt/g) ?? []).length).toBe(4);
  });

  it("can show what the person had seen, and leaves out a side it is not given", () => {
    const html = renderToStaticMarkup(
      <ConflictValues labels={{ seen: "You had seen", theirs: "Their value", mine: "Your value" }} values={[{ key: "value", seen: "USD 60", theirs: "USD 61", mine: "62" }]} />,
    );
    expect(text(html)).toContain("|You had seen|USD 60|Their value|USD 61|Your value|62|");
    const theirsOnly = renderToStaticMarkup(<ConflictValues values={[{ key: "name", label: "Name", theirs: "Onboarding" }]} />);
    expect(text(theirsOnly)).toContain("|Name|Theirs|Onboarding|");
    expect(theirsOnly).not.toContain("Yours");
  });
});

describe("theirsLabel", () => {
  it("names who saved it and when, as far as it is known", () => {
    expect(theirsLabel({ name: "Dana Whitfield", at: "2026-05-04T09:12:00Z" })).toMatch(/^Theirs \(saved by Dana Whitfield, 4 May 2026, \d{2}:\d{2}\)$/);
    expect(theirsLabel({ name: null, at: "2026-05-04T09:12:00Z" })).toMatch(/^Theirs \(saved by someone else, /);
    expect(theirsLabel(undefined)).toBe("Theirs");
  });
});
