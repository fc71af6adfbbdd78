// Sends a checked import with XMLHttpRequest (fetch reports no upload progress) and reads the
// server's NDJSON progress lines as they arrive.
import type { LineIssue } from "@/lib/csv-import/rows";

export type ServerEvent =
  | { type: "checked"; rows: number }
  | { type: "progress"; written: number; total: number }
  | { type: "done"; received: number; created: number; updated: number; unchanged: number }
  | { type: "error"; status: number; detail: string; errors?: LineIssue[] };

export type SendOutcome =
  | { ok: true; result: Extract<ServerEvent, { type: "done" }> }
  | { ok: false; status: number; detail: string; issues: LineIssue[]; issueCount: number };

export function sendImport(url: string, body: string, handlers: { onUpload: (fraction: number) => void; onEvent: (event: ServerEvent) => void }): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let last: ServerEvent | undefined;
    const drain = () => {
      const text = xhr.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        const line = text.slice(read, end).trim();
        read = end + 1;
        if (line) {
          last = JSON.parse(line) as ServerEvent;
          handlers.onEvent(last);
        }
        end = text.indexOf("\n", read);
      }
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) handlers.onUpload(event.loaded / event.total);
    };
    xhr.onprogress = () => {
      if (xhr.status === 200) drain();
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let problem: { detail?: string; errors?: LineIssue[] } = {};
        try {
          problem = JSON.parse(xhr.responseText);
        } catch {
          // not JSON: fall back to the status below
        }
        const issues = (problem.errors ?? []).filter((e) => typeof e.line === "number");
        resolve({ ok: false, status: xhr.status, detail: problem.detail ?? `The server answered ${xhr.status}.`, issues, issueCount: Number(xhr.getResponseHeader("x-issue-count") ?? issues.length) });
        return;
      }
      drain();
      if (last?.type === "done") resolve({ ok: true, result: last });
      else if (last?.type === "error") resolve({ ok: false, status: last.status, detail: last.detail, issues: last.errors ?? [], issueCount: last.errors?.length ?? 0 });
      else resolve({ ok: false, status: 0, detail: "The connection ended before the import finished; nothing was saved. Please try again.", issues: [], issueCount: 0 });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, detail: "The server could not be reached; nothing was saved. Please try again.", issues: [], issueCount: 0 });
    xhr.send(body);
  });
}
