// The DNS double of the e2e server: single sign-on's domain verification reads TXT records from
// this file (CAIRN_DNS_TXT_FILE, honoured only with the dev tools on), and specs publish there.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function e2eDnsFile(port: string | number): string {
  return path.resolve(`.data/e2e-${port}-dns.json`);
}

/** Publishes a TXT record for the e2e server at `port`. */
export function publishTxtRecord(port: string | number, name: string, value: string): void {
  const file = e2eDnsFile(port);
  let records: Record<string, string[]> = {};
  try {
    records = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[]>;
  } catch {
    // No file yet: the first record.
  }
  records[name] = [...(records[name] ?? []), value];
  writeFileSync(file, `${JSON.stringify(records, null, 2)}\n`);
}
