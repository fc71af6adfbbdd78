// Summary cards of the team overview and the dashboards list: a scorecard's health with its
// perspectives, and a journey's health stage by stage.
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatScore, STATUS_WORDS } from "@/lib/dashboards/format";
import type { JourneySummary, ScorecardSummary } from "@/lib/dashboards/team-overview";
import { cn } from "@/lib/cn";
import { STATUS_TINT } from "./status-tone";
import { TrendIndicator } from "./trend-indicator";

export function ScorecardSummaryCard({ scorecard, href, previousLabel }: { scorecard: ScorecardSummary; href: string; previousLabel: string }) {
  const counts = scorecard.kpiStatus;
  return (
    <li data-slot="card" data-testid={`scorecard-summary-${scorecard.id}`} className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
      <div className="flex items-start justify-between gap-3">
        <h3 className="min-w-0 text-base font-semibold break-words">
          <Link href={href} className="underline-offset-4 hover:underline">
            {scorecard.name}
          </Link>
        </h3>
        <StatusBadge status={scorecard.status} size="sm" className="shrink-0" />
      </div>
      <p className="flex items-baseline gap-1">
        <span className="text-3xl font-semibold tabular-nums" data-score>
          {formatScore(scorecard.score)}
        </span>
        <span className="text-sm text-muted-foreground">/ 10</span>
      </p>
      <TrendIndicator trend={scorecard.trend} score={scorecard.score} previousScore={scorecard.previousScore} previousLabel={previousLabel} />
      {scorecard.perspectives.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label={`Perspectives of ${scorecard.name}`}>
          {scorecard.perspectives.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-2">
              <span className="min-w-0 truncate">{p.name}</span>
              <span className="flex shrink-0 items-center gap-2">
                <span className="tabular-nums">{formatScore(p.score)}</span>
                <StatusBadge status={p.status} size="sm" />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-muted-foreground">
        {scorecard.kpiCount} KPIs: {counts.green} on track, {counts.amber} at risk, {counts.red} off track, {counts.grey} without a current value
      </p>
      <Link href={href} className="mt-auto inline-flex items-center gap-1 text-sm font-medium text-primary underline-offset-4 hover:underline">
        Open dashboard
        <span className="sr-only"> of {scorecard.name}</span>
        <ArrowRight aria-hidden="true" className="size-4" />
      </Link>
    </li>
  );
}

export function JourneyHealthCard({ journey, href }: { journey: JourneySummary; href: string }) {
  return (
    <li data-slot="card" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-base font-semibold break-words">
            <Link href={href} className="underline-offset-4 hover:underline">
              {journey.name}
            </Link>
          </h3>
          {journey.personaName ? <p className="text-xs text-muted-foreground">{journey.personaName}</p> : null}
        </div>
        <span className="flex shrink-0 items-center gap-2">
          <span className="text-lg font-semibold tabular-nums">{formatScore(journey.score)}</span>
          <StatusBadge status={journey.status} size="sm" />
        </span>
      </div>
      {journey.stages.length > 0 ? (
        <ol className="grid grid-cols-2 gap-1.5 sm:grid-cols-3" aria-label={`Stages of ${journey.name}`}>
          {journey.stages.map((s) => (
            <li
              key={s.id}
              className={cn("flex flex-col rounded-md border px-2 py-1.5 text-xs", s.objectiveCount === 0 ? "border-dashed text-muted-foreground" : STATUS_TINT[s.status])}
            >
              <span className="truncate font-medium">{s.name}</span>
              <span className="tabular-nums">{s.objectiveCount === 0 ? "Gap: no objective" : `${formatScore(s.score)} · ${STATUS_WORDS[s.status]}`}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted-foreground">No stages yet.</p>
      )}
      {journey.gaps > 0 ? (
        <p className="text-xs text-muted-foreground">
          {journey.gaps} {journey.gaps === 1 ? "stage is" : "stages are"} not served by any objective.
        </p>
      ) : null}
    </li>
  );
}
