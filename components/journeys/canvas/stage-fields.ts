// The customer's side of a stage, field by field: shown by StageDetails, edited by StageForm.
export const STAGE_FIELDS = [
  { key: "customerGoal", label: "Goal" },
  { key: "doing", label: "Doing" },
  { key: "thinking", label: "Thinking" },
  { key: "feeling", label: "Feeling" },
] as const;
