"use client";
// The browser half of PrintButton: a plain button (its classes come from the server, so no class
// merging ships with it) that loads every KPI card the reader has not scrolled to yet, then opens
// the print dialog.
import { useState, type ReactNode } from "react";
import { PREPARE_PRINT_EVENT } from "./print-events";

const LOAD_WAIT_MS = 10_000;

/** Resolves once no KPI panel is loading (or after LOAD_WAIT_MS: a slow panel prints as it is). */
function cardsSettled(): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (!document.querySelector("[data-kpi-cards][aria-busy=true]") || performance.now() - started > LOAD_WAIT_MS) resolve();
      else setTimeout(check, 100);
    };
    check();
  });
}

export function PrintTrigger({ className, children }: { className: string; children: ReactNode }) {
  const [preparing, setPreparing] = useState(false);
  const print = async () => {
    setPreparing(true);
    window.dispatchEvent(new Event(PREPARE_PRINT_EVENT));
    await cardsSettled();
    setPreparing(false);
    window.print();
  };
  return (
    <button type="button" className={className} aria-busy={preparing || undefined} disabled={preparing} onClick={() => void print()}>
      {children}
    </button>
  );
}
