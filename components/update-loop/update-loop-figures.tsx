// Ownership coverage and freshness, as words and numbers (never colour alone): shown in the
// scorecard header and on the dashboard. Server-compatible.
import { Clock, UserCheck } from "lucide-react";
import { cn } from "@/lib/cn";
import { percentOf, type Share, type UpdateLoopFigures as Figures } from "@/lib/update-loop/figures";

function Figure({ icon, label, share, noun, testId, compact }: { icon: React.ReactNode; label: string; share: Share; noun: string; testId: string; compact: boolean }) {
  const percent = percentOf(share);
  return (
    <span
      data-testid={testId}
      data-count={share.count}
      data-total={share.total}
      className={cn("inline-flex items-center gap-1.5", compact ? "text-sm text-muted-foreground" : "rounded-lg border bg-card px-3 py-2 shadow-xs")}
      title={`${share.count} of ${share.total} KPIs ${noun}`}
    >
      <span aria-hidden="true" className="text-muted-foreground [&_svg]:size-4">
        {icon}
      </span>
      <span className={cn(compact ? "" : "text-sm text-muted-foreground")}>{label}</span>
      <span className={cn("font-semibold tabular-nums text-foreground", !compact && "text-lg")}>{percent === null ? "–" : `${percent}%`}</span>
      <span className="text-xs text-muted-foreground">
        ({share.count} of {share.total} {noun})
      </span>
    </span>
  );
}

export function UpdateLoopFigures({ figures, compact = false, className }: { figures: Figures; compact?: boolean; className?: string }) {
  return (
    <div role="group" aria-label="How well the numbers are kept up" className={cn("flex flex-wrap items-center gap-x-4 gap-y-2", className)}>
      <Figure icon={<UserCheck />} label="Ownership" share={figures.ownership} noun="have an owner" testId="ownership-coverage" compact={compact} />
      <Figure icon={<Clock />} label="Freshness" share={figures.freshness} noun="have a current value" testId="freshness" compact={compact} />
    </div>
  );
}
