// The adoption phase, first-class: the Onboarding/Adoption stage's leading indicators (they
// move first: activation, time to first value) next to its lagging ones (they confirm it:
// retention, churn), so a slipping lead shows before the result does.
import { Sprout } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AdoptionPanel as Panel, CanvasKpi } from "@/lib/journeys/canvas";
import { describeThresholds, formatKpiValue } from "@/lib/scorecards/format";

function KpiList({ items, empty }: { items: CanvasKpi[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="flex flex-col divide-y">
      {items.map((k) => (
        <li key={k.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div className="min-w-0">
            <p className="font-medium break-words">{k.name}</p>
            <p className="text-xs text-muted-foreground">
              {k.objectiveTitle} · {describeThresholds(k)}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <span className="font-semibold tabular-nums">{formatKpiValue(k.value, k)}</span>
            <StatusBadge status={k.status} stale={k.stale} size="sm" />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function AdoptionPanel({ adoption }: { adoption: Panel | null }) {
  if (!adoption) {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h2" className="flex items-center gap-2">
            <Sprout aria-hidden="true" className="size-4" />
            Adoption phase
          </CardTitle>
          <CardDescription>
            Name the stage where customers start getting value &ldquo;Onboarding&rdquo; or &ldquo;Adoption&rdquo; to see its leading indicators next to its lagging ones here.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card className="break-inside-avoid">
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          <Sprout aria-hidden="true" className="size-4" />
          Adoption phase: {adoption.stageName}
        </CardTitle>
        <CardDescription>
          Leading indicators move first and predict adoption; lagging indicators confirm it later. Watch the left column to act before the right one slips.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="adoption-leading">
          <h3 id="adoption-leading" className="mb-1 text-sm font-semibold">
            Leading indicators
          </h3>
          <KpiList items={adoption.leading} empty="No leading indicator yet. Link an objective with a KPI such as activation rate or time to first value to this stage." />
        </section>
        <section aria-labelledby="adoption-lagging">
          <h3 id="adoption-lagging" className="mb-1 text-sm font-semibold">
            Lagging indicators
          </h3>
          <KpiList items={adoption.lagging} empty="No lagging indicator yet. Link an objective with a KPI such as retention or churn to this stage." />
        </section>
      </CardContent>
    </Card>
  );
}
