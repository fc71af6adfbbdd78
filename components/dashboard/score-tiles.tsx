// ScoreTiles: the overall score and one tile per perspective — score, status, coverage and the
// trend since the previous period. Tiles stack on phones and sit in one row on paper.
import { StatusBadge } from "@/components/ui/status-badge";
import type { DashboardModel, ScoreSummary } from "@/lib/dashboards/build-dashboard";
import { formatScore } from "@/lib/dashboards/format";
import { cn } from "@/lib/cn";
import { STATUS_TINT } from "./status-tone";
import { TrendIndicator } from "./trend-indicator";

function Tile({ title, summary, previousLabel, coverageNoun, emphasis = false, testId }: { title: string; summary: ScoreSummary; previousLabel: string; coverageNoun: string; emphasis?: boolean; testId: string }) {
  return (
    <article
      data-slot="card"
      data-testid={testId}
      className={cn("flex min-w-0 flex-col gap-2 rounded-lg bg-card p-4 shadow-xs break-inside-avoid", emphasis ? "border-2 border-primary/40" : "border")}
    >
      <h3 className="text-sm font-semibold text-muted-foreground">{title}</h3>
      <p className="flex items-baseline gap-1">
        <span className={cn("font-semibold tabular-nums", emphasis ? "text-4xl" : "text-3xl")} data-score>
          {formatScore(summary.score)}
        </span>
        <span className="text-sm text-muted-foreground">/ 10</span>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={summary.status} size="sm" />
      </div>
      <TrendIndicator trend={summary.trend} score={summary.score} previousScore={summary.previousScore} previousLabel={previousLabel} />
      <p className="text-xs text-muted-foreground">
        {summary.coverage.scored} of {summary.coverage.total} {coverageNoun} scored
      </p>
      <div aria-hidden="true" className={cn("mt-auto h-1.5 rounded-full border", STATUS_TINT[summary.status])} />
    </article>
  );
}

export function ScoreTiles({ model }: { model: DashboardModel }) {
  const previousLabel = model.period.previous.label;
  return (
    <section aria-labelledby="scores-heading" className="flex flex-col gap-3">
      <h2 id="scores-heading" className="sr-only">
        Scores
      </h2>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 print:grid-cols-5">
        <Tile title="Overall score" summary={model.overall} previousLabel={previousLabel} coverageNoun="perspectives" emphasis testId="overall-score" />
        {model.perspectives.map((p) => (
          <Tile key={p.id} title={p.name} summary={p} previousLabel={previousLabel} coverageNoun="objectives" testId={`perspective-${p.id}`} />
        ))}
      </div>
    </section>
  );
}
