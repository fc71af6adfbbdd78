// TrendIndicator: the direction since the previous period as an icon and words, with the score change.
import { formatScoreChange, TREND_LABELS } from "@/lib/dashboards/format";
import { cn } from "@/lib/cn";
import { SpriteIcon } from "@/components/ui/sprite-icon";
import type { Trend } from "@/lib/scoring";

const ICONS = { improving: "arrow-up-right", flat: "arrow-right", declining: "arrow-down-right" } as const;
const TONES = { improving: "text-status-green", flat: "text-muted-foreground", declining: "text-status-red" } as const;

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
      <span className={cn("text-xs text-muted-foreground", className)}>
        No comparison{previousLabel ? ` with ${previousLabel}` : ""}
      </span>
    );
  }
  const change = formatScoreChange(score, previousScore);
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs font-medium", TONES[trend], className)} data-trend={trend}>
      <SpriteIcon name={ICONS[trend]} className="size-3.5 shrink-0" />
      <span>
        {TREND_LABELS[trend]}
        {change ? ` (${change}` : ""}
        {change && previousLabel ? ` vs ${previousLabel})` : change ? ")" : ""}
      </span>
    </span>
  );
}
