import fs from "node:fs";
import path from "node:path";
import { clock } from "@/lib/clock";

/**
 * PGlite has no lock between processes: two processes on one data directory silently lose
 * writes (STACK-FACTS.md §3). This pid file makes the second process fail loudly instead.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: LockInfo) {
    super(
      `The embedded database at ${dir} is in use by another process (pid ${holder.pid}: ${holder.command}). ` +
        `PGlite cannot be shared between processes: stop that process first (for example the running "npm run dev"), ` +
        `or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

/** Takes the lock for `dir` or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    command: path.basename(process.argv[1] ?? "node") + (process.argv[2] ? ` ${process.argv[2]}` : ""),
    startedAt: clock.now().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      if (holder?.pid === process.pid) break;
      if (holder && isAlive(holder.pid)) throw new DataDirLockedError(dir, holder);
      // A crashed process left its lock behind: clear it and try again.
      fs.rmSync(lockPath, { force: true });
    }
  }

  const release = () => {
    if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}
