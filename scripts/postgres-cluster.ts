import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL cluster from the installed server binaries (Debian puts them in
 * /usr/lib/postgresql/<major>/bin), on a free port, for tests and the benchmark.
 */
export interface Cluster {
  url: string;
  stop(): void;
}

export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, "initdb"))) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const majors = fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = path.join(root, major, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCluster(bin: string): Promise<Cluster> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "cairn-pg-"));
  const dataDir = path.join(base, "data");
  const socketDir = path.join(base, "sock");
  const logFile = path.join(base, "postgres.log");
  fs.mkdirSync(dataDir);
  fs.mkdirSync(socketDir);
  fs.writeFileSync(logFile, "");

  // initdb refuses to run as root: run the server as the postgres system user instead.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const result = spawnSync(file, argv, { encoding: "utf8" });
    if (result.status !== 0) {
      throw new Error(`${cmd} failed: ${(result.stderr || result.stdout || "").trim().split("\n").slice(-3).join(" ")}`);
    }
  };
  if (asRoot) {
    fs.chmodSync(base, 0o755);
    execFileSync("chown", ["-R", "postgres:postgres", dataDir, socketDir, logFile]);
  }

  const port = await freePort();
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  run("pg_ctl", [
    "-D", dataDir, "-l", logFile, "-w", "-t", "60",
    "-o", `-p ${port} -k ${socketDir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
