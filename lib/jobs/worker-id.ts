import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** A worker id: role, host, process and a random suffix, so two workers never share one. */
export function newWorkerId(prefix = "loop"): string {
  return `${prefix}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
