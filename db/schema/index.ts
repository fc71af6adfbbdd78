export * from "./auth";
export * from "./teams";
export * from "./journeys";
export * from "./scorecards";
export * from "./collaboration";
export * from "./access";
export * from "./system";
export * from "./update-loop";
