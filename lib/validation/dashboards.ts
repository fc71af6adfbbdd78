import { z } from "zod";
import { isIsoDate } from "@/lib/periods";

const MAX_WINDOW_DAYS = 366 * 20;
const date = (label: string) => z.string({ error: `${label} is required` }).refine(isIsoDate, `${label} must be a date (YYYY-MM-DD)`);

/** The history window a detail chart asks for: the dashboard's own `period.history`, bounded so one request stays small. */
export const kpiHistoryWindow = z
  .object({ from: date("from"), to: date("to") })
  .refine((w) => w.from <= w.to, { error: "from must not be after to", path: ["to"] })
  .refine((w) => (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000 <= MAX_WINDOW_DAYS, { error: "The window is at most 20 years", path: ["from"] });

export type KpiHistoryWindow = z.infer<typeof kpiHistoryWindow>;
