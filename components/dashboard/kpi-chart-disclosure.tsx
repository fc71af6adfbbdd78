"use client";
// KpiChartDisclosure: a "Show chart" toggle that loads the Recharts detail chart only when opened,
// with the same values as a table for screen readers and keyboard users.
import dynamic from "next/dynamic";
import { ChartLine } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { describeThresholds, formatKpiValue } from "@/lib/dashboards/format";
import type { KpiChartData } from "./kpi-detail-chart";

const KpiDetailChart = dynamic(() => import("./kpi-detail-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

export function KpiChartDisclosure({ data }: { data: KpiChartData }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="flex flex-col gap-2" data-chart-open={open || undefined}>
      <Button variant="ghost" size="sm" className="self-start" data-print-hidden aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <ChartLine aria-hidden="true" />
        {open ? "Hide chart" : "Show chart"}
        <span className="sr-only"> of {data.name}</span>
      </Button>
      <div id={panelId} hidden={!open} className="flex flex-col gap-2">
        {open ? (
          <>
            <p className="text-xs text-muted-foreground">{describeThresholds(data)}</p>
            {data.points.length > 0 ? <KpiDetailChart data={data} /> : <p className="text-sm text-muted-foreground">No values in this window.</p>}
            <details className="text-sm">
              <summary className="cursor-pointer py-1 text-primary">Values as a table</summary>
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">Values of {data.name}</caption>
                <thead>
                  <tr className="border-b">
                    <th scope="col" className="py-1 pr-3 font-medium text-muted-foreground">Period</th>
                    <th scope="col" className="py-1 font-medium text-muted-foreground">Actual</th>
                  </tr>
                </thead>
                <tbody>
                  {data.points.map((p) => (
                    <tr key={p.period} className="border-b last:border-0">
                      <td className="py-1 pr-3">{p.label}</td>
                      <td className="py-1 tabular-nums">{formatKpiValue(p.value, data.unit, data.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        ) : null}
      </div>
    </div>
  );
}
