// The grid's dialogs, fetched together once the page is idle (measurement-grid.tsx).
export { CellDetailsDialog } from "./cell-details-dialog";
export { ConflictDialog } from "./conflict-dialog";
