"use client";
// The light half of Dialog, AlertDialog and DropdownMenu: open state, the trigger and its ARIA
// wiring. Radix's overlay machinery (focus trap, scroll lock, dismissable layer, popper: 15–30 kB
// gzip) sits in a separate chunk that is fetched on intent (hover, focus, press) or, for menus,
// once the page is idle, so it stays out of every page's first load. What a dialog shows (a
// form's fields, a comment thread) can follow the same path: `lazyWithPreload` gives the
// component and the loader its trigger calls on intent (DialogTrigger's `preload`).
import { composeRefs, Slot } from "./slot";
import { createContext, lazy, useCallback, useContext, useEffect, useId, useRef, useState, type ComponentType, type LazyExoticComponent, type ReactNode, type Ref, type RefObject } from "react";

export interface OverlayState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The id Radix's content gets, so the trigger's aria-controls points at it. */
  contentId: string;
  triggerRef: RefObject<HTMLElement | null>;
}

export interface OverlayRootProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  children?: ReactNode;
}

/** Controlled or uncontrolled open state, like Radix's: onOpenChange fires only on a change. */
export function useOverlayState({ open: openProp, defaultOpen = false, onOpenChange }: Omit<OverlayRootProps, "children">): OverlayState {
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const open = openProp ?? uncontrolled;
  const controlled = openProp !== undefined;
  const contentId = useId();
  const triggerRef = useRef<HTMLElement | null>(null);
  const onOpenChangeRef = useRef(onOpenChange);
  useEffect(() => {
    onOpenChangeRef.current = onOpenChange;
  });
  const setOpen = useCallback(
    (next: boolean) => {
      if (next === open) return;
      if (!controlled) setUncontrolled(next);
      onOpenChangeRef.current?.(next);
    },
    [open, controlled],
  );
  return { open, onOpenChange: setOpen, contentId, triggerRef };
}

/**
 * React.lazy plus its loader, to fetch the code on intent rather than on first render. Render it
 * inside a Suspense boundary whose fallback takes the same room (no layout shift).
 */
// The same constraint as React.lazy's own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyWithPreload<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): LazyExoticComponent<T> & { preload: () => void } {
  return Object.assign(lazy(load), { preload: () => void load() });
}

/**
 * Fetches `load` once the page is idle: for what opens without a trigger to hover (a dialog on a
 * 409, on a value that turned red, on Alt+Enter in a grid). Pass a stable function.
 */
export function usePreloadWhenIdle(load: (() => void) | undefined): void {
  useEffect(() => {
    if (!load) return;
    const idle = window.requestIdleCallback?.(load) ?? window.setTimeout(load, 200);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, [load]);
}

/** Calls each loader given (the overlay's own, then its content's). */
export function preloadAll(...loaders: Array<(() => void) | undefined>): () => void {
  return () => {
    for (const load of loaders) load?.();
  };
}

/** True from the first time `open` is true: the heavy content mounts then and stays mounted. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

type Handler<E> = ((event: E) => void) | undefined;

/** Radix's composeEventHandlers: ours runs unless the caller's handler prevented the default. */
export function compose<E extends { defaultPrevented: boolean }>(theirs: Handler<E>, ours: (event: E) => void): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

export function createOverlayContext(name: string) {
  const Context = createContext<OverlayState | null>(null);
  function useOverlay(part: string): OverlayState {
    const value = useContext(Context);
    if (!value) throw new Error(`<${part}> must be used within <${name}>`);
    return value;
  }
  return { Provider: Context.Provider, useOverlay };
}

export type TriggerProps = React.ComponentProps<"button"> & { asChild?: boolean };

/** The same attributes and toggle as Radix's Dialog.Trigger, plus preloading on intent. */
export function OverlayTrigger({
  state,
  preload,
  asChild = false,
  ref,
  onClick,
  onPointerEnter,
  onFocus,
  onPointerDown,
  ...props
}: TriggerProps & { state: OverlayState; preload: () => void }) {
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type="button"
      aria-haspopup="dialog"
      aria-expanded={state.open}
      // The content exists only while open: pointing at it when closed would name a missing id
      // (and repeat that id and a "closed" on every trigger of a page that has hundreds).
      aria-controls={state.open ? state.contentId : undefined}
      data-state={state.open ? "open" : undefined}
      {...props}
      ref={composeRefs(ref, state.triggerRef as Ref<HTMLButtonElement>)}
      onPointerEnter={compose(onPointerEnter, preload)}
      onFocus={compose(onFocus, preload)}
      onPointerDown={compose(onPointerDown, preload)}
      onClick={compose(onClick, () => state.onOpenChange(!state.open))}
    />
  );
}
