// GET /share/[token]/kpis/[kpiId] — one KPI of a shared dashboard: its chart and values over the
// dashboard's history window at the period in the query. Read through the live link without
// counting a view; a dead link and a KPI that is not on the shared scorecard are the same 404.
import type { GetServerSideProps, PageConfig } from "next";
import { ShareFrame, ShareLinkNotFound } from "@/components/share/share-frame";
import { SharedKpiChart } from "@/components/share/shared-kpi-chart";
import { isUuid } from "@/lib/dashboards/ids";
import { openSharedKpiChart } from "@/lib/sharing/shared-dashboard";
import { periodSearchParams } from "@/lib/sharing/share-request";

export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { token: string; chart: Awaited<ReturnType<typeof openSharedKpiChart>> };

export const getServerSideProps: GetServerSideProps<Props, { token: string; kpiId: string }> = async ({ params, query, res }) => {
  const { token, kpiId } = params!;
  const chart = isUuid(kpiId) ? await openSharedKpiChart(token, kpiId, periodSearchParams(query, ["token", "kpiId"])) : null;
  res.setHeader("X-Robots-Tag", "noindex, nofollow");
  if (!chart) res.statusCode = 404;
  return { props: { token, chart } };
};

export default function SharedKpiChartPage({ token, chart }: Props) {
  return (
    <ShareFrame title={chart ? chart.kpi.name : "Shared dashboard"}>
      {chart ? <SharedKpiChart token={token} dashboard={chart.dashboard} kpi={chart.kpi} points={chart.points} unitId={chart.unitId} /> : <ShareLinkNotFound />}
    </ShareFrame>
  );
}
