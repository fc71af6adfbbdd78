"use client";
// The editable canvas (journey-canvas.tsx) for people who can edit, kept out of the page's first
// load so viewers never fetch it. On a full page load the server renders it complete and the
// browser fetches its code as hydration reaches it; its controls work once that code has run.
// After a navigation inside the app a placeholder holds its place for that moment.
import { lazy, Suspense } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import type { JourneyCanvasProps } from "./journey-canvas";

const JourneyCanvas = lazy(() => import("./journey-canvas").then((m) => ({ default: m.JourneyCanvas })));

export function EditableJourneyCanvas(props: JourneyCanvasProps) {
  return (
    <Suspense
      fallback={
        <div aria-busy="true" className="flex flex-col gap-3">
          <Skeleton className="h-7 w-32" />
          <Skeleton className="h-96" />
        </div>
      }
    >
      <JourneyCanvas {...props} />
    </Suspense>
  );
}
