"use client";
// DropdownMenu: Radix menu (row actions) with styled content, items and separators.
// Until Radix's menu (~17 kB gzip with its popper) has loaded — once the page is idle, or at once
// on the trigger's hover, focus or press — the trigger renders as the same button without the
// menu; a press or key that would open the menu meanwhile opens it as soon as the code arrives.
import { composeRefs, Slot } from "./slot";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ComponentProps, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from "react";

import type { DropdownMenuItemProps, MenuParts } from "./dropdown-menu-impl";
import { compose, useOverlayState, type OverlayState, type TriggerProps } from "./lazy-overlay";

let loadedParts: MenuParts | null = null;
let loading: Promise<MenuParts> | null = null;
function loadParts(): Promise<MenuParts> {
  loading ??= import("./dropdown-menu-impl").then((m) => (loadedParts = m.menuParts));
  return loading;
}

type MenuContextValue = { state: OverlayState; parts: MenuParts | null; request: () => void; requestOpen: () => void };
const MenuContext = createContext<MenuContextValue | null>(null);

function useMenu(part: string): MenuContextValue {
  const value = useContext(MenuContext);
  if (!value) throw new Error(`<${part}> must be used within <DropdownMenu>`);
  return value;
}

function useParts(part: string): MenuParts {
  const { parts } = useMenu(part);
  // Content renders nothing before the parts arrive, so its items never get here without them.
  if (!parts) throw new Error(`<${part}> must be used within <DropdownMenuContent>`);
  return parts;
}

export function DropdownMenu({
  children,
  modal,
  ...props
}: { children?: ReactNode; open?: boolean; defaultOpen?: boolean; onOpenChange?: (open: boolean) => void; modal?: boolean }) {
  const state = useOverlayState(props);
  // Always null on the first render, so hydration matches the server's HTML.
  const [parts, setParts] = useState<MenuParts | null>(null);
  const openWhenLoaded = useRef(false);
  const refocus = useRef(false);
  const { triggerRef, onOpenChange } = state;

  const adopt = useCallback(
    (loaded: MenuParts) => {
      // Swapping the trigger replaces its element: give focus back if it had it.
      refocus.current = triggerRef.current !== null && triggerRef.current === document.activeElement;
      setParts(loaded);
    },
    [triggerRef],
  );
  const request = useCallback(() => void loadParts().then(adopt), [adopt]);
  const requestOpen = useCallback(() => {
    openWhenLoaded.current = true;
    request();
  }, [request]);

  useEffect(() => {
    if (loadedParts) {
      void loadParts().then(adopt);
      return;
    }
    const idle = window.requestIdleCallback?.(request) ?? window.setTimeout(request, 200);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, [adopt, request]);

  useEffect(() => {
    if (!parts) return;
    if (refocus.current) triggerRef.current?.focus();
    refocus.current = false;
    if (openWhenLoaded.current) onOpenChange(true);
    openWhenLoaded.current = false;
    // Only when the parts arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parts]);

  const value = { state, parts, request, requestOpen };
  return (
    <MenuContext.Provider value={value}>
      {parts ? (
        <parts.Root open={state.open} onOpenChange={state.onOpenChange} modal={modal}>
          {children}
        </parts.Root>
      ) : (
        children
      )}
    </MenuContext.Provider>
  );
}

export function DropdownMenuTrigger({ asChild = false, ref, onPointerEnter, onFocus, onPointerDown, onKeyDown, ...props }: TriggerProps) {
  const { state, parts, request, requestOpen } = useMenu("DropdownMenuTrigger");
  const triggerRef = composeRefs(ref, state.triggerRef as RefObject<HTMLButtonElement | null>);
  if (parts) {
    return <parts.Trigger asChild={asChild} {...props} ref={triggerRef} onPointerEnter={onPointerEnter} onFocus={onFocus} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />;
  }
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...props}
      ref={triggerRef}
      onPointerEnter={compose(onPointerEnter, request)}
      onFocus={compose(onFocus, request)}
      // The same gestures that open Radix's menu (left button without Ctrl; Enter, Space, ArrowDown).
      onPointerDown={compose(onPointerDown, (event: PointerEvent<HTMLButtonElement>) => {
        if (!props.disabled && event.button === 0 && !event.ctrlKey) requestOpen();
      })}
      onKeyDown={compose(onKeyDown, (event: KeyboardEvent<HTMLButtonElement>) => {
        if (props.disabled || !["Enter", " ", "ArrowDown"].includes(event.key)) return;
        event.preventDefault();
        requestOpen();
      })}
    />
  );
}

export function DropdownMenuContent(props: ComponentProps<MenuParts["Content"]>) {
  const { parts } = useMenu("DropdownMenuContent");
  return parts ? <parts.Content {...props} /> : null;
}

export function DropdownMenuGroup(props: ComponentProps<MenuParts["Group"]>) {
  const { Group } = useParts("DropdownMenuGroup");
  return <Group {...props} />;
}

export function DropdownMenuItem(props: DropdownMenuItemProps) {
  const { Item } = useParts("DropdownMenuItem");
  return <Item {...props} />;
}

export function DropdownMenuCheckboxItem(props: ComponentProps<MenuParts["CheckboxItem"]>) {
  const { CheckboxItem } = useParts("DropdownMenuCheckboxItem");
  return <CheckboxItem {...props} />;
}

export function DropdownMenuLabel(props: ComponentProps<MenuParts["Label"]>) {
  const { Label } = useParts("DropdownMenuLabel");
  return <Label {...props} />;
}

export function DropdownMenuSeparator(props: ComponentProps<MenuParts["Separator"]>) {
  const { Separator } = useParts("DropdownMenuSeparator");
  return <Separator {...props} />;
}
