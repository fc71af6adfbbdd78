"use client";
// ActionForm as a component fetched on demand, for the dialogs that show one (form-dialog.tsx,
// confirm-delete.tsx): their triggers call `preload` on hover, focus or press.
import { lazyWithPreload } from "@/components/ui/lazy-overlay";

export const LazyActionForm = lazyWithPreload(() => import("./action-form").then((m) => ({ default: m.ActionForm })));
