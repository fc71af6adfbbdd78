// ScoreSummary: a roll-up (objective, perspective, scorecard) as status words + icon, the
// 0–10 score and its coverage — readable without colour.
import { StatusBadge, type Status } from "@/components/ui/status-badge";
import { cn } from "@/lib/cn";
import { formatScore } from "@/lib/measurements/values";

export function ScoreSummary({
  summary,
  what,
  unit = "KPIs",
  className,
  testId,
}: {
  summary: { score: number | null; status: Status; coverage: { scored: number; total: number } };
  /** What the score is of, for the accessible text: "objective", "perspective". */
  what: string;
  unit?: string;
  className?: string;
  testId?: string;
}) {
  return (
    <span className={cn("inline-flex flex-wrap items-center gap-2 text-sm font-normal", className)}>
      <StatusBadge status={summary.status} size="sm" />
      <span data-testid={testId} data-score={summary.score ?? ""}>
        <span className="sr-only">{what} score </span>
        <span className="font-medium tabular-nums text-foreground">{formatScore(summary.score)}</span>
        <span className="text-muted-foreground"> / 10</span>
      </span>
      <span className="text-xs text-muted-foreground">
        {summary.coverage.scored} of {summary.coverage.total} {unit} scored
      </span>
    </span>
  );
}
