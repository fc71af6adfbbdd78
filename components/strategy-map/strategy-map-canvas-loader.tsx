"use client";
// Loads the React Flow canvas in the browser only: it measures the DOM and has nothing to
// render on the server (the page renders the accessible list of objectives and links there).
import dynamic from "next/dynamic";

export const StrategyMapCanvasLoader = dynamic(() => import("./strategy-map-canvas").then((m) => m.StrategyMapCanvas), {
  ssr: false,
  loading: () => (
    <div className="flex h-[640px] items-center justify-center rounded-lg border bg-muted/40 text-sm text-muted-foreground" role="status">
      Loading the map…
    </div>
  ),
});
