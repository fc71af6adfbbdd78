"use client";
// The browser half of PrintButton: a plain button (its classes come from the server, so no class
// merging ships to the share page) that opens the print dialog.
import type { ReactNode } from "react";

export function PrintTrigger({ className, children }: { className: string; children: ReactNode }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {children}
    </button>
  );
}
