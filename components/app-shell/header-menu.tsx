"use client";
// HeaderMenu: the header's small pop-over menus (team switcher, account). A disclosure — a button
// that shows a panel of links and buttons, closed by Escape, a click outside, leaving it with Tab
// or choosing an entry — instead of Radix DropdownMenu, whose ~30 kB of script every team page
// would otherwise load before it is interactive. The panel's content is rendered on the server.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export function HeaderMenu({
  label,
  trigger,
  triggerClassName,
  align = "start",
  children,
}: {
  /** The trigger's accessible name. */
  label: string;
  trigger: ReactNode;
  triggerClassName: string;
  align?: "start" | "end";
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button ref={button} type="button" className={triggerClassName} aria-label={label} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-50 mt-1 max-h-[70dvh] min-w-[14rem] overflow-y-auto rounded-md border bg-popover p-1 text-popover-foreground shadow-md ${align === "end" ? "right-0" : "left-0"}`}
        onClick={(event) => {
          // Choosing a link or a button closes the menu (a sign-out form still submits).
          if ((event.target as HTMLElement).closest("a,button")) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
}

/** An entry's look, as DropdownMenuItem had it: a 40px row, highlighted on hover and focus. */
export const headerMenuItemClass =
  "flex min-h-10 w-full cursor-pointer items-center gap-2 rounded-sm px-2 text-left text-sm hover:bg-accent hover:text-accent-foreground focus-visible:bg-accent focus-visible:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0";
