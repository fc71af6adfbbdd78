"use client";
// The light half of Dialog, AlertDialog and DropdownMenu: open state, the trigger and its ARIA
// wiring. Radix's overlay machinery (focus trap, scroll lock, dismissable layer, popper: 15–30 kB
// gzip) sits in a separate chunk that is fetched on intent (hover, focus, press) or, for menus,
// once the page is idle, so it stays out of every page's first load.
import { Slot } from "@radix-ui/react-slot";
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode, type Ref, type RefObject } from "react";

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

/** True from the first time `open` is true: the heavy content mounts then and stays mounted. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

export function mergeRefs<T>(...refs: Array<Ref<T> | undefined>): (node: T | null) => void {
  return (node) => {
    for (const ref of refs) {
      if (typeof ref === "function") ref(node);
      else if (ref) ref.current = node;
    }
  };
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
      aria-controls={state.contentId}
      data-state={state.open ? "open" : "closed"}
      {...props}
      ref={mergeRefs(ref, state.triggerRef as Ref<HTMLButtonElement>)}
      onPointerEnter={compose(onPointerEnter, preload)}
      onFocus={compose(onFocus, preload)}
      onPointerDown={compose(onPointerDown, preload)}
      onClick={compose(onClick, () => state.onOpenChange(!state.open))}
    />
  );
}
