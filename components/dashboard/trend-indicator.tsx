// TrendIndicator: the direction since the previous period as an icon and words, with the score change.
import { formatScoreChange, TREND_LABELS } from "@/lib/dashboards/format";
import { cn } from "@/lib/cn";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { Trend } from "@/lib/scoring";

const ICONS = { improving: "arrow-up-right", flat: "arrow-right", declining: "arrow-down-right" } as const;

export function TrendIndicator({
  trend,
  score,
  previousScore,
  previousLabel,
  className,
}: {
  trend: Trend | null;
  score: number | null;
  previousScore: number | null;
  /** e.g. "Jan 2026": what the change is measured against. */
  previousLabel?: string;
  className?: string;
}) {
  if (!trend) {
    return (
      <span className={cn("hint", className)}>{`No comparison${previousLabel ? ` with ${previousLabel}` : ""}`}</span>
    );
  }
  const change = formatScoreChange(score, previousScore);
  return (
    // Tone by data-trend: the .trend component class (globals.css).
    <span className={cn("trend", className)} data-trend={trend}>
      <SpriteIcon name={ICONS[trend]} />
      {`${TREND_LABELS[trend]}${change ? ` (${change}${previousLabel ? ` vs ${previousLabel}` : ""})` : ""}`}
    </span>
  );
}
