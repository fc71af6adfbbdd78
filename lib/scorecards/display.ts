// The words and numbers of the scorecard vocabulary that client components draw themselves (the
// editor's objective cards, roll-ups): kept apart from format.ts, which re-exports them, so a page's
// JavaScript carries these few and not every label and number format of the forms.
export const INDICATOR_LABELS = { leading: "Leading", lagging: "Lagging" } as const;
export const INITIATIVE_STATUS_LABELS = { planned: "Planned", in_progress: "In progress", on_hold: "On hold", done: "Done", canceled: "Canceled" } as const;

/** A 0–10 score with one decimal ("6.7"), or an em dash for "no score". */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? "—" : score.toFixed(1);
}
