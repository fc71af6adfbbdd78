// PeriodSelector: month / quarter / year / custom range as plain links and a GET form, so it
// works without JavaScript and every selection is a shareable URL.
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/cn";
import { kindSwitches, periodQuery, type DashboardPeriod } from "@/lib/dashboards/period-selection";

export function PeriodSelector({ period, basePath }: { period: DashboardPeriod; basePath: string }) {
  const href = (params: Record<string, string> | null) => `${basePath}${periodQuery(params)}`;
  return (
    <nav aria-label="Period" data-print-hidden className="flex flex-col gap-3 rounded-lg border bg-card p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-3">
        <ul className="flex flex-wrap gap-1" aria-label="Period type">
          {kindSwitches(period).map((option) => (
            <li key={option.kind}>
              <Link
                href={href(option.params)}
                prefetch={false}
                aria-current={option.kind === period.kind ? "true" : undefined}
                className={cn(
                  "inline-flex h-10 items-center rounded-md px-3 text-sm font-medium hover:bg-accent hover:text-foreground",
                  option.kind === period.kind ? "bg-secondary text-secondary-foreground" : "text-muted-foreground",
                )}
              >
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-1">
          <Button asChild variant="outline" size="icon">
            <Link href={href(period.earlier)} prefetch={false} aria-label={`Previous period: ${period.previous.label}`}>
              <ChevronLeft aria-hidden="true" />
            </Link>
          </Button>
          <span className="min-w-28 px-2 text-center text-sm font-semibold">{period.label}</span>
          {period.later ? (
            <Button asChild variant="outline" size="icon">
              <Link href={href(period.later)} prefetch={false} aria-label="Next period">
                <ChevronRight aria-hidden="true" />
              </Link>
            </Button>
          ) : (
            <span aria-hidden="true" className="inline-flex size-10 items-center justify-center text-muted-foreground/50">
              <ChevronRight className="size-4" />
            </span>
          )}
        </div>
        <p className="text-sm text-muted-foreground">
          Compared with <span className="font-medium text-foreground">{period.previous.label}</span>
        </p>
      </div>
      {period.kind === "custom" ? (
        <form action={basePath} method="get" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="period" value="custom" />
          <div className="flex flex-col gap-2">
            <Label htmlFor="period-from">From</Label>
            <Input id="period-from" name="from" type="date" defaultValue={period.from} required fullWidth={false} className="w-44" />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="period-to">To</Label>
            <Input id="period-to" name="to" type="date" defaultValue={period.to} required fullWidth={false} className="w-44" />
          </div>
          <Button type="submit" variant="secondary">
            Apply range
          </Button>
        </form>
      ) : null}
    </nav>
  );
}
