// CSV export of a scorecard's KPIs and all their measurements, produced lazily: KPIs in the
// editor's order, each KPI's values read in batches of 2,000 in short transactions of their
// own (a slow download never holds a transaction open), encoded as the reader pulls.
// The columns re-import as they are (kpi_id, period, value, note are what the import maps).
import { listMeasurementsBatch, listScorecardKpisInOrder } from "@/db/queries/api-reads";
import { inTeam } from "@/db/tenant";
import { csvLine, type CsvCell } from "@/lib/dashboards/csv";

export const EXPORT_COLUMNS = [
  "kpi_id", "kpi", "perspective", "objective", "unit", "currency", "direction", "target", "target_max", "red_threshold", "frequency", "period", "value", "note",
] as const;

const BATCH = 2_000;

type KpiRow = Awaited<ReturnType<typeof listScorecardKpisInOrder>>[number];

/** The export's lines (header first); a KPI without values still gets one line, so the file lists every KPI. */
export async function* exportLines(ctx: { teamId: string }, kpiRows: readonly KpiRow[]): AsyncGenerator<string> {
  yield csvLine([...EXPORT_COLUMNS]);
  for (const { kpi, perspectiveName, objectiveTitle } of kpiRows) {
    const base: CsvCell[] = [kpi.id, kpi.name, perspectiveName, objectiveTitle, kpi.unit, kpi.currency ?? "", kpi.direction, kpi.target, kpi.targetMax, kpi.redThreshold, kpi.frequency];
    let after: { kpiId: string; period: string } | undefined;
    let any = false;
    for (;;) {
      const batch = await inTeam(ctx.teamId, (tx) => listMeasurementsBatch(tx, ctx, [kpi.id], { after, limit: BATCH }));
      let chunk = "";
      for (const m of batch) chunk += csvLine([...base, m.period, m.value, m.note]);
      if (chunk) yield chunk;
      any ||= batch.length > 0;
      if (batch.length < BATCH) break;
      after = { kpiId: kpi.id, period: batch.at(-1)!.period };
    }
    if (!any) yield csvLine([...base, "", "", ""]);
  }
}

/** A ReadableStream over `lines`, pulled as the client reads. */
export function streamOf(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
