import { DataDirLockedError } from "./pglite-lock";

/** One line a person can act on, for failures to open, reach or migrate the database. */
export function describeDatabaseError(error: unknown, target?: string): string {
  if (error instanceof DataDirLockedError) return error.message;
  const e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  const where = target ? ` at ${target}` : "";
  switch (e?.code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL${where}: connection refused. Is the server running? Check DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL${where}: unknown host. Check DATABASE_URL.`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return `Cannot reach PostgreSQL${where}: the connection timed out. Check DATABASE_URL and the network.`;
    case "28P01":
    case "28000":
      return `PostgreSQL refused the credentials${where}. Check the user and password in DATABASE_URL.`;
    case "3D000":
      return `The database named in DATABASE_URL does not exist${where}. Create it first (createdb).`;
  }
  if (e?.cause && e.cause !== error) return describeDatabaseError(e.cause, target);
  const message = (e?.message ?? String(error)).split("\n")[0];
  return `Database error${where}: ${message}`;
}

/** Where DATABASE_URL points, without its password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}
