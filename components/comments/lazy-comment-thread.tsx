"use client";
// A comment thread whose code (the editor, mentions: ~4 kB gzip) is fetched on demand: in the
// comments dialog on its trigger's intent, on the KPI page once the page hydrates. Until then the
// thread's own loading rows stand in its place, so nothing moves.
import { Suspense, type ComponentProps } from "react";
import { lazyWithPreload } from "@/components/ui/lazy-overlay";
import { ThreadPlaceholder } from "./thread-placeholder";

const Thread = lazyWithPreload(() => import("./comment-thread").then((m) => ({ default: m.CommentThread })));

export const preloadCommentThread = Thread.preload;

export function LazyCommentThread(props: ComponentProps<typeof Thread>) {
  return (
    <Suspense fallback={<ThreadPlaceholder />}>
      <Thread {...props} />
    </Suspense>
  );
}
