"use client";
// The canvas's editing forms (canvas-forms.tsx) are not in the page's first load: editors fetch
// them once the page is idle (JourneyCanvas calls preloadCanvasForms), viewers never do. A form
// opened before that shows a placeholder for the moment its code takes.
import { Suspense, type ReactNode } from "react";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { Skeleton } from "@/components/ui/skeleton";

const load = () => import("./canvas-forms");

export const CardForm = lazyWithPreload(() => load().then((m) => ({ default: m.CardForm })));
export const StageForm = lazyWithPreload(() => load().then((m) => ({ default: m.StageForm })));
export const NewStageForm = lazyWithPreload(() => load().then((m) => ({ default: m.NewStageForm })));
export const ConflictDialog = lazyWithPreload(() => import("./conflict-dialog").then((m) => ({ default: m.ConflictDialog })));

export function preloadCanvasForms(): void {
  void load();
  ConflictDialog.preload();
}

export function LazyForm({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <div aria-busy="true">
          <Skeleton className="h-24" />
        </div>
      }
    >
      {children}
    </Suspense>
  );
}
