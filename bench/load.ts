// HTTP load with autocannon: a fixed number of connections for a bounded time. Latency
// percentiles are computed from every response's own time (autocannon's summary has no p95).
import autocannon from "autocannon";
import { percentile, round } from "./stats";
import type { BenchRequest } from "./targets";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  /** Sent but not answered before the time was up (a queue building up on the server). */
  unfinished: number;
  rps: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Responses outside 2xx, and connection errors or timeouts: any of them makes the run invalid. */
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export async function runLoad(baseUrl: string, request: BenchRequest, connections: number, seconds: number): Promise<LoadResult> {
  const bodies = request.bodies ?? [];
  let next = 0;
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    method: request.method,
    headers: request.headers,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        setupRequest: (req) => (bodies.length ? { ...req, body: bodies[next++ % bodies.length] } : req),
      },
    ],
  });
  const times: number[] = [];
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const elapsed = result.duration || seconds;
  return {
    connections,
    seconds: round(elapsed, 1) ?? seconds,
    requests: times.length,
    unfinished: Math.max(0, (result.requests.sent ?? times.length) - times.length),
    rps: round(times.length / elapsed, 1),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}

/** One request outside the load, to check the target answers 2xx before loading it. */
export async function probe(baseUrl: string, request: BenchRequest): Promise<{ status: number; ms: number; bytes: number; location: string | null }> {
  const started = performance.now();
  const response = await fetch(new URL(request.path, baseUrl), {
    method: request.method,
    headers: request.headers,
    body: request.bodies?.[0],
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const body = await response.arrayBuffer();
  return { status: response.status, ms: round(performance.now() - started) ?? 0, bytes: body.byteLength, location: response.headers.get("location") };
}
