// A Web Worker that parses and checks a measurements CSV off the page's thread, reporting
// progress, and hands back the report and (when the file is clean) the request body to send.
import { parseCsvFile } from "@/lib/csv-import/parse-file";
import type { ColumnMapping, ImportContext } from "@/lib/csv-import/rows";
import { summarizeParse, type WorkerMessage } from "./parse-messages";

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ file: File; context: ImportContext; mapping: ColumnMapping; hasHeader: boolean }>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { file, context, mapping, hasHeader } = event.data;
  try {
    const outcome = await parseCsvFile(file, { context, mapping, hasHeader, onProgress: (progress) => scope.postMessage({ type: "progress", ...progress }) });
    scope.postMessage(summarizeParse(outcome, context, "worker"));
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
