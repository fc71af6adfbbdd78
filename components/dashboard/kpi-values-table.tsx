// KpiValuesTable: a KPI's values as a table behind a disclosure, beside its chart for screen-reader
// and keyboard users. Plain markup, so the members' panel and the server-rendered share page use the
// same one. The e2e tests find it by "Values as a table" and "Values of <name>": keep those names.
import { formatKpiValue } from "@/lib/dashboards/format";
import type { KpiChartData } from "./kpi-history-chart";

export function KpiValuesTable({ name, unit, currency, points }: Pick<KpiChartData, "name" | "unit" | "currency" | "points">) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer py-1 text-primary">Values as a table</summary>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Values of {name}</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1 pr-3 font-medium text-muted-foreground">Period</th>
            <th scope="col" className="py-1 font-medium text-muted-foreground">Actual</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period} className="border-b last:border-0">
              <td className="py-1 pr-3">{p.label}</td>
              <td className="py-1 tabular-nums">{formatKpiValue(p.value, unit, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
