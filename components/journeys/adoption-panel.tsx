// The adoption phase, first-class: the Onboarding/Adoption stage's leading indicators (they
// move first: activation, time to first value) next to its lagging ones (they confirm it:
// retention, churn), so a slipping lead shows before the result does.
import { Sprout } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { AdoptionPanel as Panel } from "@/lib/journeys/canvas";
import { StageKpiItems } from "./stage-kpi-lists";
import { StageKpis, type StageKpiSource } from "./stage-kpis";

/** One column: its worst few and "Show all", or a hint when the stage has none of that kind. */
function Column({ adoption, source, view, empty }: { adoption: Panel; source: StageKpiSource; view: "leading" | "lagging"; empty: string }) {
  const shown = adoption[view];
  const total = view === "leading" ? adoption.leadingCount : adoption.laggingCount;
  if (total === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  if (total <= shown.length) return <StageKpiItems kpis={shown} view={view} />;
  return <StageKpis source={source} stage={{ id: adoption.stageId, name: adoption.stageName }} shown={shown} total={total} view={view} />;
}

export function AdoptionPanel({ adoption, source }: { adoption: Panel | null; source: StageKpiSource }) {
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
          <Column adoption={adoption} source={source} view="leading" empty="No leading indicator yet. Link an objective with a KPI such as activation rate or time to first value to this stage." />
        </section>
        <section aria-labelledby="adoption-lagging">
          <h3 id="adoption-lagging" className="mb-1 text-sm font-semibold">
            Lagging indicators
          </h3>
          <Column adoption={adoption} source={source} view="lagging" empty="No lagging indicator yet. Link an objective with a KPI such as retention or churn to this stage." />
        </section>
      </CardContent>
    </Card>
  );
}
