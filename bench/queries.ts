// SQL statements per page request, at two data sizes, to show the count does not grow with
// the rows. Two ways: in-process, running the page's own loaders under countQueries (the
// drizzle logger), and on the server, counting what PostgreSQL logs during one real request.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findSessionUser } from "@/db/queries/sessions";
import { loadJourneyCanvas } from "@/db/queries/journeys";
import { findMemberTeamWithList } from "@/db/queries/teams";
import { countQueries } from "@/db/query-counter";
import { sessions } from "@/db/schema";
import { inTeam, type TeamContext } from "@/db/tenant";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { clock } from "@/lib/clock";
import { loadDashboard, loadKpiCards } from "@/lib/dashboards/load-dashboard";
import { loadOrgDashboard } from "@/lib/dashboards/load-org-dashboard";
import { buildCanvas } from "@/lib/journeys/canvas";
import { readScorecardEditor } from "@/lib/scorecards/editor-data";
import { teamToday } from "@/lib/scorecards/evaluate";
import { openSharedDashboard } from "@/lib/sharing/shared-dashboard";
import type { Dataset } from "./dataset";
import { orgRootOf, type QueryTarget } from "./targets";

export type StatementKind = "data" | "transaction" | "rls";

/** BEGIN/COMMIT and the per-transaction RLS binding are bookkeeping; everything else reads or writes data. */
export function classifyStatement(statement: string): StatementKind {
  const s = statement.trim().toLowerCase();
  if (/^(begin|commit|rollback|start transaction|savepoint|release)\b/.test(s)) return "transaction";
  if (s.startsWith("select set_config(")) return "rls";
  return "data";
}

export interface StatementCount {
  data: number;
  all: number;
}

function tally(statements: string[]): StatementCount {
  return { data: statements.filter((s) => classifyStatement(s) === "data").length, all: statements.length };
}

type Loader = (dataset: Dataset, size: "A" | "B", tokenHash: string) => Promise<unknown>;

let coldReads = 0;

/** What a signed-in page request resolves before its own data: the session, the team, the layout's team list. */
async function signedInTeam(dataset: Dataset, tokenHash: string) {
  const user = await findSessionUser(tokenHash);
  if (!user) throw new Error("bench session not found");
  // The layout's team list comes from the same statement (requireTeamPage).
  const { found } = await findMemberTeamWithList(user.id, dataset.team.slug);
  if (!found) throw new Error("bench owner is not a member of the big team");
  const ctx: TeamContext = { teamId: found.team.id, teamSlug: found.team.slug, userId: user.id, membershipId: found.membershipId, role: found.role, via: "session" };
  const calendar = { timeZone: found.team.timeZone, fiscalYearStartMonth: found.team.fiscalYearStartMonth };
  // A data version no kept model has: the count is the full read, as after any change of the team.
  coldReads += 1;
  return { ctx, team: { ...found.team, dataVersion: -coldReads }, calendar };
}

const scorecardOf = (d: Dataset, size: "A" | "B") => (size === "A" ? d.scorecards.probe.id : d.scorecards.big.id);

/** The loaders each page runs per request (its layout's included); null where none exists in-process. */
export const PAGE_LOADERS: Record<QueryTarget["key"], Loader | null> = {
  async dashboard(d, size, tokenHash) {
    const { ctx, team } = await signedInTeam(d, tokenHash);
    const loaded = await loadDashboard(ctx, team, scorecardOf(d, size), {});
    if (!loaded) throw new Error("dashboard not found");
    return loaded;
  },
  async "dashboard-kpis"(d, size, tokenHash) {
    const { ctx, team } = await signedInTeam(d, tokenHash);
    const card = size === "A" ? d.scorecards.probe : d.scorecards.big;
    const cards = await loadKpiCards(ctx, team, card.id, card.perspectiveId, {});
    if (!cards) throw new Error("perspective not found");
    return cards;
  },
  async editor(d, size, tokenHash) {
    const { ctx, team, calendar } = await signedInTeam(d, tokenHash);
    const kept = await readScorecardEditor(ctx, team, scorecardOf(d, size), calendar);
    if (!kept) throw new Error("scorecard not found");
    return kept.view();
  },
  async journey(d, size, tokenHash) {
    const { ctx, calendar } = await signedInTeam(d, tokenHash);
    const asOf = teamToday(calendar);
    const data = await inTeam(ctx.teamId, (tx) => loadJourneyCanvas(tx, ctx, size === "A" ? d.journeys.probe.id : d.journeys.big.id, asOf));
    if (!data) throw new Error("journey not found");
    return buildCanvas(data, asOf, calendar);
  },
  async share(d, size) {
    const shared = await openSharedDashboard(size === "A" ? d.shareTokens.probe : d.shareTokens.big, {});
    if (!shared) throw new Error("share link not found");
    return shared;
  },
  "api-scorecard": null,
  async organisation(d, size, tokenHash) {
    const { ctx, team } = await signedInTeam(d, tokenHash);
    const model = await loadOrgDashboard(ctx, team, orgRootOf(d, size), {});
    if (!model) throw new Error("organisation not found");
    return model;
  },
};

export interface InProcessCount {
  key: QueryTarget["key"];
  A: StatementCount | null;
  B: StatementCount | null;
  constant: boolean | null;
}

/** Runs every page's loaders at size A and size B under countQueries. */
export async function countInProcess(db: Database, dataset: Dataset, targets: QueryTarget[]): Promise<InProcessCount[]> {
  const token = newToken();
  await db.insert(sessions).values({ userId: dataset.members[0]!.userId, tokenHash: hashToken(token), expiresAt: new Date(clock.nowMs() + 3600_000) });
  const results: InProcessCount[] = [];
  for (const target of targets) {
    const loader = PAGE_LOADERS[target.key];
    if (!loader) {
      results.push({ key: target.key, A: null, B: null, constant: null });
      continue;
    }
    const counts: Record<"A" | "B", StatementCount> = { A: { data: 0, all: 0 }, B: { data: 0, all: 0 } };
    for (const size of ["A", "B"] as const) counts[size] = tally((await countQueries(() => loader(dataset, size, hashToken(token)))).statements);
    results.push({ key: target.key, ...counts, constant: counts.A.data === counts.B.data && counts.A.all === counts.B.all });
  }
  return results;
}

/**
 * Counts the statements PostgreSQL executes while one request runs, from the server's own log
 * (log_statement = all, switched on only for this phase). The throwaway cluster logs to
 * postgres.log beside its data directory (scripts/postgres-cluster.ts).
 */
export class StatementLog {
  private constructor(
    private readonly db: Database,
    private readonly file: string,
  ) {}

  static async open(db: Database): Promise<StatementLog | null> {
    const rows = await db.execute<{ data_directory: string }>(sql`show data_directory`);
    const dataDir = (rows as unknown as Array<{ data_directory: string }>)[0]?.data_directory;
    if (!dataDir) return null;
    const file = path.join(path.dirname(dataDir), "postgres.log");
    if (!fs.existsSync(file)) return null;
    await db.execute(sql`alter system set log_statement = 'all'`);
    await db.execute(sql`select pg_reload_conf()`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return new StatementLog(db, file);
  }

  /** The statements logged while `fn` ran (and a short settle time after it). */
  async during(fn: () => Promise<unknown>, settleMs = 200): Promise<string[]> {
    const start = fs.statSync(this.file).size;
    await fn();
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const end = fs.statSync(this.file).size;
    const fd = fs.openSync(this.file, "r");
    try {
      const buffer = Buffer.alloc(end - start);
      fs.readSync(fd, buffer, 0, buffer.length, start);
      return parseStatements(buffer.toString("utf8"));
    } finally {
      fs.closeSync(fd);
    }
  }

  async close(): Promise<void> {
    await this.db.execute(sql`alter system reset log_statement`);
    await this.db.execute(sql`select pg_reload_conf()`);
  }
}

/** "… LOG:  statement: X" (simple protocol) and "… LOG:  execute <name>: X" (extended protocol). */
export function parseStatements(log: string): string[] {
  const statements: string[] = [];
  for (const line of log.split("\n")) {
    const match = /LOG:\s+(?:statement|execute [^:]*):\s(.*)$/.exec(line);
    if (match) statements.push(match[1]!);
  }
  return statements;
}

export interface ServerCount {
  key: QueryTarget["key"];
  A: StatementCount | null;
  B: StatementCount | null;
  constant: boolean | null;
  note?: string;
}

/** Counts one real request per size on the running server: the median of three after a warm-up. */
export async function countOnServer(
  log: StatementLog,
  request: (path: string, headers: Record<string, string>) => Promise<number>,
  dataset: Dataset,
  target: QueryTarget,
  headers: Record<string, string>,
): Promise<ServerCount> {
  const counts: Partial<Record<"A" | "B", StatementCount>> = {};
  for (const size of ["A", "B"] as const) {
    const p = target.path(dataset, size);
    const status = await request(p, headers);
    if (status < 200 || status >= 300) return { key: target.key, A: null, B: null, constant: null, note: `HTTP ${status}` };
    const runs: StatementCount[] = [];
    for (let i = 0; i < 3; i++) {
      let code = 0;
      runs.push(tally(await log.during(async () => (code = await request(p, headers)))));
      if (code < 200 || code >= 300) return { key: target.key, A: null, B: null, constant: null, note: `HTTP ${code}` };
    }
    runs.sort((a, b) => a.all - b.all);
    counts[size] = runs[1]!;
  }
  const { A, B } = counts as Record<"A" | "B", StatementCount>;
  return { key: target.key, A, B, constant: A.data === B.data && A.all === B.all };
}
