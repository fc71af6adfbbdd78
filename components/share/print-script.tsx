// The share pages' only script, inline with the request's CSP nonce: it shows the print button and
// opens the print dialog. Every card is already in the page, so there is nothing to load first.
import { Printer } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

const PRINT_BUTTON_ID = "print-dashboard";

// Runs in the browser as the text of an inline script, so it closes over nothing.
function enablePrintButton(id: string) {
  const button = document.getElementById(id);
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

/** Hidden until the script runs: without script there is nothing it could do (the browser's own Print still works). */
export function SharePrintButton() {
  return (
    <button type="button" id={PRINT_BUTTON_ID} hidden className={buttonVariants({ variant: "outline" })}>
      <Printer aria-hidden="true" />
      Print or save as PDF
    </button>
  );
}

export function SharePrintScript({ nonce }: { nonce: string | null }) {
  return <script nonce={nonce ?? undefined} dangerouslySetInnerHTML={{ __html: `(${enablePrintButton.toString()})(${JSON.stringify(PRINT_BUTTON_ID)})` }} />;
}
