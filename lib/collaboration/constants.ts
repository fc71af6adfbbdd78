// Names shared by the collaboration server code and the browser (kept free of heavy imports).

/** What a comment thread can hang on. */
export const COMMENTABLE = ["objective", "kpi", "initiative", "stage"] as const;
export type CommentableType = (typeof COMMENTABLE)[number];

/** What has a history panel. */
export const HISTORY_TYPES = ["objective", "kpi"] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** Entity types the activity feed can be filtered by (the ones people act on). */
export const FEED_TYPES = [
  "journey", "stage", "touchpoint", "stage_note", "scorecard", "perspective", "objective", "objective_link", "kpi", "measurement",
  "initiative", "comment", "membership", "invitation", "share_link", "api_key", "team",
] as const;
export type FeedType = (typeof FEED_TYPES)[number];

export const COMMENT_MAX = 5000;
