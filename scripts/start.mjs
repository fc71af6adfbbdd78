// `npm start`: the production server, one `next start` process per core. Node's event loop uses
// one core; the others would sit idle under load. Workers share the listening socket (node:cluster)
// and each other's changes through PostgreSQL (LISTEN/NOTIFY, claimed jobs, versioned rows), as
// separate instances behind a load balancer do. PGlite is one process's embedded database: with
// it, or with WEB_CONCURRENCY=1, the server runs alone in this process.
// Plain JavaScript so that a production image needs nothing but node and the build.
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import { recordPeerAddress } from "./peer-address.mjs";

const require = createRequire(import.meta.url);

function workerCount() {
  const asked = process.env.WEB_CONCURRENCY;
  if (asked === undefined || asked === "") return process.env.DATABASE_URL ? os.availableParallelism() : 1;
  if (!/^[1-9]\d{0,2}$/.test(asked)) {
    console.error(`WEB_CONCURRENCY must be a whole number of server processes, such as 2 (got "${asked}").`);
    process.exit(1);
  }
  return Number(asked);
}

function runNextStart() {
  recordPeerAddress();
  const bin = require.resolve("next/dist/bin/next");
  process.argv = [process.argv[0], bin, "start", ...process.argv.slice(2)];
  require(bin);
}

const workers = workerCount();
if (workers === 1 || !cluster.isPrimary) {
  runNextStart();
} else {
  // Rendering allocates many short-lived objects: a larger young generation means fewer
  // scavenges (about 8% more dashboard pages per second in the benchmark). Flags given to this
  // process come after, so they win.
  cluster.setupPrimary({ execArgv: ["--max-semi-space-size=64", ...process.execArgv] });
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    let served = false;
    worker.on("listening", () => (served = true));
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      // A worker that never listened (a bad environment, a port in use) would fail again: stop.
      if (!served) {
        console.error(`a server process failed to start (${signal ?? code}); stopping`);
        stop("SIGTERM", code || 1);
        return;
      }
      console.error(`a server process exited (${signal ?? code}); starting another`);
      fork();
    });
  };
  for (let i = 0; i < workers; i += 1) fork();
  console.log(`cairn: ${workers} server processes`);

  function stop(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    if (alive.length === 0) process.exit(exitCode);
    let left = alive.length;
    for (const worker of alive) {
      worker.once("exit", () => (left -= 1) === 0 && process.exit(exitCode));
      worker.process.kill(signal);
    }
    setTimeout(() => process.exit(1), 10_000).unref();
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
