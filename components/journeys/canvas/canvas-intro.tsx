// The canvas's heading, its save state, the keyboard help the table points to, and the polite
// live region moves are announced in: the same for the read-only and the editable canvas.
export function CanvasIntro({ editable, saving = false, announcement = "" }: { editable: boolean; saving?: boolean; announcement?: string }) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2" data-print-hidden>
        <h2 id="canvas-heading" className="text-lg font-semibold">
          Canvas
        </h2>
        <span className="text-sm text-muted-foreground">{saving ? "Saving…" : "All changes saved"}</span>
      </div>
      <p id="canvas-keyboard-help" className="sr-only">
        {editable
          ? "To move a stage, focus its reorder handle and press Alt with the left or right arrow, or use its Move left and Move right buttons. To move a card, focus its handle and press Alt with an arrow key: up and down within its lane, left and right to the neighbouring stage. You can also drag them with a mouse."
          : "Read-only: your role can view this journey."}
      </p>
      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>
    </>
  );
}
