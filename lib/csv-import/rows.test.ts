import { describe, expect, it } from "vitest";
import { guessMapping } from "./columns";
import { parseCsvFile } from "./parse-file";
import { checkImportRequest, kpiFinder, RowChecker, undefuse, type ImportContext } from "./rows";

const context: ImportContext = {
  calendar: { timeZone: "Europe/Berlin", fiscalYearStartMonth: 1 },
  today: "2026-05-10",
  kpis: [
    { id: "0b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04", name: "Activation rate", unit: "percent", frequency: "monthly" },
    { id: "1b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04", name: "Orders", unit: "count", frequency: "weekly" },
    { id: "2b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04", name: "Twin", unit: "count", frequency: "monthly" },
    { id: "3b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04", name: "twin", unit: "count", frequency: "quarterly" },
  ],
};
const mapping = { kpi: 0, period: 1, value: 2, note: 3 };

describe("column guessing", () => {
  it("maps the export's header (id before name) and common spreadsheet names", () => {
    expect(guessMapping(["kpi_id", "kpi", "perspective", "period", "value", "note"])).toEqual({ kpi: 0, period: 3, value: 4, note: 5 });
    expect(guessMapping(["KPI", "Month", "Actual", "Comment"])).toEqual({ kpi: 0, period: 1, value: 2, note: 3 });
    expect(guessMapping(["a", "b"])).toEqual({ kpi: null, period: null, value: null, note: null });
  });
});

describe("RowChecker", () => {
  it("finds KPIs by id or by name, case and spacing aside, and refuses ambiguous names", () => {
    const find = kpiFinder(context.kpis);
    expect(find("0B7C3C1E-5F7A-4D2B-9A51-3F2E8D9C1A04")).toEqual({ index: 0 });
    expect(find("  activation   RATE ")).toEqual({ index: 0 });
    expect(find("Twin")).toEqual({ reason: '2 KPIs of this scorecard are named "Twin": use the KPI\'s id instead' });
    expect(find("Churn")).toEqual({ reason: 'No KPI named "Churn" in this scorecard' });
    expect(find("9b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04")).toEqual({ reason: "No KPI with id 9b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04 in this scorecard" });
  });

  it("keeps good rows and names every problem with its line", () => {
    const checker = new RowChecker(context, mapping);
    checker.check(["Activation rate", "2026-03-01", "41,5", "ok"], 2);
    checker.check(["Orders", "2026-03-02", "1 200", ""], 3);
    checker.check(["Activation rate", "2026-03-15", "40", ""], 4);
    checker.check(["Activation rate", "2026-02-01", "140", ""], 5);
    checker.check(["Orders", "2026-03-09", "lots", ""], 6);
    checker.check(["Activation rate", "2026-03-01", "42", ""], 7);
    checker.check(["Activation rate", "2027-01-01", "42", ""], 8);
    checker.check(["Orders", "", "", ""], 9);
    checker.check(["Activation rate", "01.04.2026", "1", ""], 10);
    checker.check(["Orders", "2026-03-16", "5", "'-5% vs plan"], 11);
    expect(checker.rows).toEqual([
      [2, 0, "2026-03-01", 41.5, "ok"],
      [3, 1, "2026-03-02", 1200, ""],
      [11, 1, "2026-03-16", 5, "-5% vs plan"],
    ]);
    expect(checker.skipped).toBe(1);
    expect(checker.issues.map((i) => i.line)).toEqual([4, 5, 6, 7, 8, 10]);
    expect(checker.issues[0]!.reason).toMatch(/Activation rate: Period 2026-03-15 does not start a monthly period .* starts on 2026-03-01/);
    expect(checker.issues[1]!.reason).toBe("Activation rate, Feb 2026: 140 is outside 0–100 for a percentage");
    expect(checker.issues[2]!.reason).toBe('Orders, Week of 2026-03-09: "lots" is not a number');
    expect(checker.issues[3]!.reason).toBe("Activation rate, Mar 2026 is also on line 2: keep one of the two");
    expect(checker.issues[4]!.reason).toMatch(/has not started yet/);
    expect(checker.issues[5]!.reason).toMatch(/is not a date \(YYYY-MM-DD\)/);
  });

  it("undoes only the export's formula guard", () => {
    expect(undefuse("'=SUM(A1)")).toBe("=SUM(A1)");
    expect(undefuse("'quoted'")).toBe("'quoted'");
  });
});

describe("parseCsvFile", () => {
  it("counts lines as the file does, quoted line breaks included, and checks every record", async () => {
    const csv = [
      "kpi,period,value,note",
      'Activation rate,2026-01-01,40,"two',
      'lines"',
      "",
      "Activation rate,2026-02-01,x,",
      'Orders,2026-03-02,5,"a ""quoted"" note"',
    ].join("\r\n");
    const outcome = await parseCsvFile(csv, { context, mapping, hasHeader: true });
    expect(outcome.rows).toEqual([
      [2, 0, "2026-01-01", 40, "two\r\nlines"],
      [6, 1, "2026-03-02", 5, 'a "quoted" note'],
    ]);
    expect(outcome.issues).toEqual([{ line: 5, reason: 'Activation rate, Feb 2026: "x" is not a number' }]);
    expect(outcome.records).toBe(3);
  });

  it("streams a large file in slices, keeping every row", async () => {
    const lines = ["kpi,period,value"];
    for (let i = 0; i < 30_000; i++) lines.push(`Orders,${["2026-03-02", "2026-03-09", "2026-03-16"][i % 3]},${i}`);
    const progress: number[] = [];
    const outcome = await parseCsvFile(lines.join("\n"), { context, mapping: { ...mapping, note: null }, hasHeader: true, onProgress: (p) => progress.push(p.bytes) });
    expect(outcome.rows).toHaveLength(3);
    expect(outcome.issueCount).toBe(29_997);
    expect(outcome.issues).toHaveLength(500);
    expect(outcome.issues[0]).toEqual({ line: 5, reason: "Orders, Week of 2026-03-02 is also on line 2: keep one of the two" });
    expect(progress.length).toBeGreaterThan(1);
  });
});

describe("checkImportRequest (the server's check)", () => {
  it("refuses ids outside the scorecard, bad periods and values, and repeats, by line", () => {
    const request = {
      kpiIds: [context.kpis[0]!.id, "9b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04"],
      rows: [
        [2, 0, "2026-01-01", 50, null],
        [3, 1, "2026-01-01", 1, null],
        [4, 0, "2026-01-02", 1, null],
        [5, 0, "2026-02-01", -1, null],
        [6, 0, "2026-01-01", 2, null],
        [7, 4, "2026-01-01", 2, null],
      ] as Array<[number, number, string, number, string | null]>,
    };
    const { issues, issueCount } = checkImportRequest(request, context);
    expect(issueCount).toBe(5);
    expect(issues.map((i) => i.line)).toEqual([3, 4, 5, 6, 7]);
    expect(issues[0]!.reason).toBe("No KPI with id 9b7c3c1e-5f7a-4d2b-9a51-3f2e8d9c1a04 in this scorecard");
  });
});
