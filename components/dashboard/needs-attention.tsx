// NeedsAttention: what an executive should ask about — KPIs off track or at risk, KPIs without a
// current value, and initiatives past their due date.
import { SpriteIcon } from "@/components/ui/sprite-icon";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AttentionKpi, NeedsAttention as Attention } from "@/lib/dashboards/build-dashboard";
import { formatKpiValue } from "@/lib/dashboards/format";

/**
 * The most a group lists: the worst of a 128-KPI scorecard would otherwise be a wall of text
 * (and most of the page's weight). Every KPI is in the KPI section below, with its status.
 */
export const ATTENTION_LIMIT = 8;

function More({ count, kpis = false }: { count: number; kpis?: boolean }) {
  if (count <= ATTENTION_LIMIT) return null;
  return (
    <p className="py-2 text-xs text-muted-foreground">
      and {count - ATTENTION_LIMIT} more
      {kpis ? (
        <>
          : see{" "}
          <a href="#kpis-heading" className="underline underline-offset-2">
            the KPIs
          </a>{" "}
          below
        </>
      ) : null}
      .
    </p>
  );
}

function KpiItems({ items, showStatus }: { items: AttentionKpi[]; showStatus: boolean }) {
  return (
    <>
      <ul className="flex flex-col divide-y">
        {items.slice(0, ATTENTION_LIMIT).map((k) => (
          <li key={k.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2">
            <div className="min-w-0">
              <p className="font-medium">{k.name}</p>
              <p className="text-xs text-muted-foreground">
                {k.objectiveTitle}
                {k.ownerName ? ` · ${k.ownerName}` : ""}
              </p>
              {showStatus && k.status === "red" ? (
                <p className="text-xs">{k.explanation ? `Why: ${k.explanation}` : k.plan ? `Initiative: ${k.plan}` : "Nobody has said why yet, and no initiative is open."}</p>
              ) : null}
            </div>
            <div className="flex flex-col items-end gap-1 text-right">
              {showStatus ? (
                <>
                  <StatusBadge status={k.status} size="sm" />
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {formatKpiValue(k.value, k.unit, k.currency)} in {k.periodLabel}
                  </span>
                </>
              ) : (
                <>
                  <StatusBadge status="grey" stale={k.stale} label={k.value === null ? "No value" : "Out of date"} size="sm" />
                  <span className="text-xs text-muted-foreground">{k.periodLabel ? `Last value: ${k.periodLabel}` : "Never measured"}</span>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <More count={items.length} kpis />
    </>
  );
}

function Group({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  if (count === 0) return null;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-1">
      <h3 id={id} className="text-sm font-semibold">
        {title} <span className="font-normal text-muted-foreground">({count})</span>
      </h3>
      {children}
    </section>
  );
}

export function NeedsAttention({ attention }: { attention: Attention }) {
  const total = attention.offTrack.length + attention.atRisk.length + attention.noCurrentValue.length + attention.pastDue.length;
  return (
    <section aria-labelledby="attention-heading" data-slot="card" data-testid="needs-attention" className="flex min-w-0 flex-col gap-3 rounded-lg border bg-card p-4 shadow-xs">
      <h2 id="attention-heading" className="text-lg font-semibold">
        Needs attention
      </h2>
      {total === 0 ? (
        <p className="flex items-center gap-2 text-sm text-status-green">
          <SpriteIcon name="circle-check" className="size-4" />
          Nothing needs attention: every KPI is on track and current, and no initiative is past due.
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          <Group id="attention-unexplained" title="Off track, with no reason or initiative" count={attention.unexplained.length}>
            <div data-testid="attention-unexplained">
              <KpiItems items={attention.unexplained} showStatus />
            </div>
          </Group>
          <Group id="attention-red" title={attention.unexplained.length ? "Off track, explained" : "Off track"} count={attention.offTrack.length - attention.unexplained.length}>
            <KpiItems items={attention.offTrack.filter((k) => !attention.unexplained.includes(k))} showStatus />
          </Group>
          <Group id="attention-amber" title="At risk" count={attention.atRisk.length}>
            <KpiItems items={attention.atRisk} showStatus />
          </Group>
          <Group id="attention-missing" title="No current value" count={attention.noCurrentValue.length}>
            <KpiItems items={attention.noCurrentValue} showStatus={false} />
          </Group>
          <Group id="attention-overdue" title="Initiatives past due" count={attention.pastDue.length}>
            <ul className="flex flex-col divide-y">
              {attention.pastDue.slice(0, ATTENTION_LIMIT).map((i) => (
                <li key={i.id} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2">
                  <div className="min-w-0">
                    <p className="font-medium">{i.title}</p>
                    <p className="text-xs text-muted-foreground">
                      {i.objectiveTitle}
                      {i.ownerName ? ` · ${i.ownerName}` : ""} · {i.progress}% done
                    </p>
                  </div>
                  <span className="inline-flex items-center gap-1 text-xs font-medium text-status-red">
                    <SpriteIcon name="calendar-clock" className="size-3.5" />
                    Due {i.dueDate} ({i.daysOverdue} {i.daysOverdue === 1 ? "day" : "days"} overdue)
                  </span>
                </li>
              ))}
            </ul>
            <More count={attention.pastDue.length} />
          </Group>
        </div>
      )}
    </section>
  );
}
