// ScoreSummary: a roll-up (objective, perspective, scorecard) as status words + icon, the
// 0–10 score and its coverage — readable without colour. Its look is .mg-sum in app/globals.css,
// the badge main's .status-badge.
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
    <span className={cn("mg-sum", className)}>
      <StatusBadge status={summary.status} size="sm" />
      <span data-testid={testId} data-score={summary.score ?? ""}>
        <span className="sr-only">{`${what} score `}</span>
        <span>{formatScore(summary.score)}</span> / 10
      </span>
      <span>{`${summary.coverage.scored} of ${summary.coverage.total} ${unit} scored`}</span>
    </span>
  );
}
