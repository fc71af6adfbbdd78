// GET /t/[team]/scorecards/[scorecardId]/kpis/[kpiId] — one KPI: its definition, where it
// stands, its recent values, and its target history (every target, range and red-threshold
// change with who, when and why); editors change the target here with a reason.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { ActivityItem } from "@/components/activity/activity-item";
import { LazyCommentThread } from "@/components/comments/lazy-comment-thread";
import { TrendLabel } from "@/components/scorecards/rollup-summary";
import { TargetChangeForm } from "@/components/scorecards/target-change-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listActivity } from "@/db/queries/activity";
import { recentKpiValues } from "@/db/queries/kpis";
import { inTeam } from "@/db/tenant";
import { can } from "@/lib/auth/permissions";
import { historyEntries } from "@/lib/collaboration/activity-feed";
import { formatPeriod } from "@/lib/periods";
import { isTargetField } from "@/lib/scorecards/changes";
import {
  describeThresholds, DIRECTION_LABELS, formatKpiValue, formatScore, FREQUENCY_LABELS, INDICATOR_LABELS, SOURCE_LABELS, TARGET_FIELD_LABELS, UNIT_LABELS,
} from "@/lib/scorecards/format";
import { getScorecardPage, isUuid } from "@/lib/scorecards/page-data";
import { changeKpiTargetAction } from "../../actions";

type Params = { params: Promise<{ team: string; scorecardId: string; kpiId: string }> };

async function load(slug: string, scorecardId: string, kpiId: string) {
  const page = await getScorecardPage(slug, scorecardId);
  if (!isUuid(kpiId)) notFound();
  const found = page.evaluated.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis.map((k) => ({ ...k, objective: o.objective, perspective: p.perspective }))));
  const item = found.find((k) => k.kpi.id === kpiId);
  // A KPI of another scorecard (or team) is not found here.
  if (!item) notFound();
  return { ...page, item };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { team, scorecardId, kpiId } = await params;
  const { item } = await load(team, scorecardId, kpiId);
  return { title: `${item.kpi.name} · KPI` };
}

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function KpiPage({ params }: Params) {
  const { team: slug, scorecardId, kpiId } = await params;
  const { ctx, team, item, members, calendar } = await load(slug, scorecardId, kpiId);
  const { kpi, evaluation, objective, perspective } = item;
  const { history, values } = await inTeam(ctx.teamId, async (tx) => ({
    history: await listActivity(tx, ctx, { entityType: "kpi", entityId: kpi.id, limit: 200 }),
    values: await recentKpiValues(tx, ctx, kpi.id, 12),
  }));
  const targetHistory = history.filter((a) => (a.action === "update" && isTargetField(a.field)) || a.action === "create");
  const owner = members.find((m) => m.userId === kpi.ownerId)?.name;
  const value = (v: unknown) => (typeof v === "number" ? formatKpiValue(v, kpi) : "—");
  const base = `/t/${team.slug}/scorecards/${scorecardId}`;

  const definition: Array<[string, string]> = [
    ["Objective", objective.title],
    ["Perspective", perspective.name],
    ["Unit", kpi.unit === "currency" ? `${UNIT_LABELS.currency} (${kpi.currency})` : UNIT_LABELS[kpi.unit]],
    ["Direction", DIRECTION_LABELS[kpi.direction]],
    ["Baseline", value(kpi.baseline)],
    ["Target and red threshold", describeThresholds(kpi)],
    ["Frequency", FREQUENCY_LABELS[kpi.frequency]],
    ["Indicator", INDICATOR_LABELS[kpi.indicator]],
    ["Source", SOURCE_LABELS[kpi.source]],
    ["Owner", owner ?? "Nobody yet"],
    ["Weight", String(kpi.weight)],
  ];

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href={base} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ChevronLeft aria-hidden="true" className="size-4" />
          Back to the editor
        </Link>
        <h1 className="text-xl font-semibold break-words">{kpi.name}</h1>
        {kpi.description ? <p className="max-w-3xl text-sm text-muted-foreground">{kpi.description}</p> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Where it stands</CardTitle>
            <CardDescription>{evaluation.period ? `Latest value: ${formatPeriod(evaluation.period, kpi.frequency, calendar)}` : "No value yet"}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-3xl font-semibold tabular-nums">{formatKpiValue(evaluation.value, kpi)}</span>
              <StatusBadge status={evaluation.status} stale={evaluation.stale} data-testid="kpi-status" />
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Score</dt>
              <dd className="tabular-nums" data-testid="kpi-score">
                {formatScore(evaluation.score)} / 10
              </dd>
              <dt className="text-muted-foreground">Trend</dt>
              <dd>
                <TrendLabel trend={evaluation.trend} />
              </dd>
            </dl>
            {values.length ? (
              <Table scrollLabel="Recent values">
                <TableHeader>
                  <TableRow>
                    <TableHead>Period</TableHead>
                    <TableHead>Value</TableHead>
                    <TableHead>Note</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {values.map((v) => (
                    <TableRow key={v.period}>
                      <TableCell>{formatPeriod(v.period, kpi.frequency, calendar)}</TableCell>
                      <TableCell className="tabular-nums">{formatKpiValue(v.value, kpi)}</TableCell>
                      <TableCell className="text-sm text-muted-foreground">{v.note || "—"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
            <Link href={`${base}/measurements`} className="text-sm underline underline-offset-4">
              Enter values in the measurements grid
            </Link>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2">Definition</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              {definition.map(([term, description]) => (
                <div key={term} className="contents">
                  <dt className="text-muted-foreground">{term}</dt>
                  <dd className="break-words">{description}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>

      {can(ctx.role, "scorecards.write") ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Change the target</CardTitle>
            <CardDescription>{describeThresholds(kpi)} today. The unit and direction stay; edit them in the editor.</CardDescription>
          </CardHeader>
          <CardContent>
            <TargetChangeForm action={changeKpiTargetAction} team={team.slug} kpi={kpi} />
          </CardContent>
        </Card>
      ) : null}

      <section aria-labelledby="target-history" className="flex flex-col gap-3">
        <h2 id="target-history" className="text-lg font-semibold">
          Target history
        </h2>
        {targetHistory.length ? (
          <Table scrollLabel="Target history">
            <TableHeader>
              <TableRow>
                <TableHead>When (UTC)</TableHead>
                <TableHead>Who</TableHead>
                <TableHead>Change</TableHead>
                <TableHead>Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {targetHistory.map((entry) => (
                <TableRow key={entry.id} data-testid="target-history-row">
                  <TableCell className="whitespace-nowrap text-sm">{when.format(entry.createdAt)}</TableCell>
                  <TableCell className="text-sm">{entry.actorName ?? "Someone"}</TableCell>
                  <TableCell className="text-sm">
                    {entry.action === "create" ? (
                      <>Created with {describeThresholds({ ...kpi, ...(entry.after as Record<string, number | null>) } as typeof kpi)}</>
                    ) : (
                      <>
                        {TARGET_FIELD_LABELS[entry.field as keyof typeof TARGET_FIELD_LABELS]}: {value(entry.before)} → {value(entry.after)}
                      </>
                    )}
                  </TableCell>
                  <TableCell className="text-sm">{entry.reason ?? <span className="text-muted-foreground">—</span>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <p className="text-sm text-muted-foreground">No change recorded yet.</p>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="kpi-comments" className="flex flex-col gap-3">
          <h2 id="kpi-comments" className="text-lg font-semibold">
            Comments
          </h2>
          <LazyCommentThread entityType="kpi" entityId={kpi.id} label={kpi.name} />
        </section>
        <section aria-labelledby="kpi-all-changes" className="flex flex-col gap-3">
          <h2 id="kpi-all-changes" className="text-lg font-semibold">
            All changes
          </h2>
          {history.length ? (
            <ol className="flex flex-col" data-testid="kpi-history">
              {historyEntries(history, members).map((entry) => (
                <ActivityItem key={entry.id} entry={entry} team={team.slug} showEntity={false} />
              ))}
            </ol>
          ) : (
            <p className="text-sm text-muted-foreground">No change recorded yet.</p>
          )}
        </section>
      </div>
    </div>
  );
}
