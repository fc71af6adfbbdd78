// The request and response shapes of the dashboard's data routes, on the members' dashboard and
// behind a share link: a KPI's history (detail charts) and a perspective's KPI cards.
import { AppError } from "@/lib/errors";

import { kpiHistoryWindow, type KpiHistoryWindow } from "@/lib/validation/dashboards";
import { isUuid } from "./ids";
import type { KpiCardsBody } from "./kpi-cards";
import type { KpiHistoryPoint } from "./load-dashboard";

export interface KpiHistoryBody {
  points: KpiHistoryPoint[];
}

/** The `from`/`to` query of a history request; a 422 naming the field when it is not a valid window. */
export function readHistoryWindow(request: Request): KpiHistoryWindow {
  const query = new URL(request.url).searchParams;
  const parsed = kpiHistoryWindow.safeParse({ from: query.get("from") ?? undefined, to: query.get("to") ?? undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "window")] ??= []).push(issue.message);
    throw new AppError("validation", "The history window is not valid.", { fieldErrors });
  }
  return parsed.data;
}

export function kpiHistoryResponse(points: KpiHistoryPoint[]): Response {
  const body: KpiHistoryBody = { points };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}

/**
 * A KPI-cards request: the perspective, and the dashboard's period as the page had it (the
 * rest of the query, read like the page's own search params). An unknown perspective is a 404.
 */
export function readKpiCardsQuery(request: Request): { perspectiveId: string; searchParams: Record<string, string> } {
  const searchParams = Object.fromEntries(new URL(request.url).searchParams);
  const { perspective, ...period } = searchParams;
  if (!perspective || !isUuid(perspective)) throw new AppError("not_found", "This perspective was not found.");
  return { perspectiveId: perspective, searchParams: period };
}

export function kpiCardsResponse(body: KpiCardsBody): Response {
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
}
