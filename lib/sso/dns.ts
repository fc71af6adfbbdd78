// The DNS TXT lookups that prove a team owns an e-mail domain. Production asks the system
// resolver; tests put a double in its place, and e2e runs read a file of records
// (CAIRN_DNS_TXT_FILE, honoured only with the dev tools on, so never in production).
import { readFile } from "node:fs/promises";
import { resolveTxt } from "node:dns/promises";
import { devToolsEnabled, env } from "@/lib/env";

/** The TXT strings published at `name` (each record's chunks joined); [] when there are none. */
export type TxtResolver = (name: string) => Promise<string[]>;

const NO_RECORDS = new Set(["ENODATA", "ENOTFOUND", "ENOTIMP", "NXDOMAIN"]);

export const systemTxtResolver: TxtResolver = async (name) => {
  try {
    return (await resolveTxt(name)).map((chunks) => chunks.join(""));
  } catch (error) {
    if (NO_RECORDS.has((error as { code?: string }).code ?? "")) return [];
    throw error;
  }
};

/** Records from a JSON file, read on every lookup so a test can add one while the server runs. */
export function fileTxtResolver(file: string): TxtResolver {
  return async (name) => {
    let records: Record<string, unknown>;
    try {
      records = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    } catch {
      return [];
    }
    const values = records[name.toLowerCase()];
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === "string") : [];
  };
}

const globalKey = Symbol.for("cairn.sso.txt-resolver");
type ResolverGlobal = typeof globalThis & { [globalKey]?: TxtResolver };

/** For tests: the resolver domain verification uses until reset (undefined restores the default). */
export function setTxtResolverForTests(resolver: TxtResolver | undefined): void {
  (globalThis as ResolverGlobal)[globalKey] = resolver;
}

export function txtResolver(): TxtResolver {
  const override = (globalThis as ResolverGlobal)[globalKey];
  if (override) return override;
  const e = env();
  if (e.CAIRN_DNS_TXT_FILE && devToolsEnabled(e)) return fileTxtResolver(e.CAIRN_DNS_TXT_FILE);
  return systemTxtResolver;
}
