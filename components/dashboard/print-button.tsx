// PrintButton: opens the browser's print dialog (Save as PDF), laid out by the dashboard's print styles.
import { Printer } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { PrintTrigger } from "./print-trigger";

export function PrintButton() {
  return (
    <PrintTrigger className={buttonVariants({ variant: "outline" })}>
      <Printer aria-hidden="true" />
      Print or save as PDF
    </PrintTrigger>
  );
}
