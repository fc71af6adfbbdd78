// GET /api/health — liveness and database reachability, for load balancers and the e2e suite.
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { clock } from "@/lib/clock";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json(
      // The app's clock (lib/clock.ts), which a test can set: the e2e suite computes time-based codes from it.
      { status: "ok", clock: clock.now().toISOString(), database: { engine: handle.engine, latencyMs: Math.round(performance.now() - started) } },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    // The message is the one-line description from db/errors.ts: no stack, no credentials.
    const message = error instanceof Error ? error.message.split("\n")[0] : "unavailable";
    console.error(`[health] ${message}`);
    return Response.json({ status: "error", database: { error: message } }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
