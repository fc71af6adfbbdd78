// How to type into the measurements grid, for editors: rendered on the server and handed to
// MeasurementGrid, so the words are in the HTML rather than in the grid's JavaScript. The inputs'
// aria-describedby points at its id.
export function GridHelp() {
  return (
    <p id="grid-help" className="text-sm text-muted-foreground">
      Type a value and press Enter (or move away) to save it. Arrow keys, Tab and Enter move between cells, Escape undoes your typing, Alt+Enter opens
      the cell&apos;s note and history. Paste a column copied from a spreadsheet to fill the cells below the one you are in — every value must be a
      number or nothing is pasted. Decimal commas are fine.
    </p>
  );
}
