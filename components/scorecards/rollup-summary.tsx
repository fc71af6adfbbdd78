// A roll-up (scorecard, perspective, objective) as status words + icon, the 0–10 score and
// its coverage, readable without colour; and a KPI's trend in words. Their look is the .rollup
// and .trend-label classes of app/globals.css (one per objective and KPI row of the editor).
import { SpriteIcon, type SpriteIconName } from "@/components/ui/sprite-icon";
import { StatusBadge } from "@/components/ui/status-badge";
import { cn } from "@/lib/cn";
import { formatScore } from "@/lib/scorecards/display";
import type { Rollup, Trend } from "@/lib/scoring";

export function RollupSummary({ rollup, of, counted, testId, className }: { rollup: Rollup; of: string; counted: string; testId?: string; className?: string }) {
  return (
    <span className={cn("rollup", className)}>
      <StatusBadge status={rollup.status} size="sm" />
      <span data-testid={testId} data-score={rollup.score ?? ""} data-status={rollup.status}>
        <span className="sr-only">{`${of} score `}</span>
        <span className="rollup-score">{formatScore(rollup.score)}</span>
        <span className="rollup-of"> / 10</span>
      </span>
      <span className="rollup-coverage">{rollup.coverage.total === 0 ? `no ${counted} yet` : `${rollup.coverage.scored} of ${rollup.coverage.total} ${counted} scored`}</span>
    </span>
  );
}

// Sprite icons: a trend shows on every KPI row of the editor, and a lucide component there would
// send its drawing each time.
const TRENDS: Record<Trend, { label: string; icon: SpriteIconName }> = {
  improving: { label: "Improving", icon: "trending-up" },
  flat: { label: "Flat", icon: "minus" },
  declining: { label: "Declining", icon: "trending-down" },
};

export function TrendLabel({ trend }: { trend: Trend | null }) {
  if (!trend) return <span className="text-muted-foreground">—</span>;
  const { label, icon } = TRENDS[trend];
  return (
    <span className="trend-label">
      <SpriteIcon name={icon} />
      {label}
    </span>
  );
}
