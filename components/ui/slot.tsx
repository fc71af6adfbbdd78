// Slot: renders its one child element with the slot's props merged in — what `asChild` needs
// (Button around a Link, a dialog trigger around a Button, FormField's ids on its control).
// The same merge as Radix's Slot (child handler first, then the slot's; classes joined; styles
// and aria-describedby combined; refs composed), and like it, it unwraps a child that arrives as a
// lazy reference (an element a server component passed down, e.g. a dialog's trigger button),
// without its Slottable, which nothing here uses: ~0.4 kB gzip instead of ~1.4 kB.
import { cloneElement, isValidElement, use, type HTMLAttributes, type ReactElement, type ReactNode, type Ref } from "react";

type AnyProps = Record<string, unknown>;

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void | (() => void) {
  if (typeof ref === "function") return ref(value);
  if (ref) ref.current = value;
}

/** One callback ref for several refs, passing on React 19 ref cleanups like Radix's composeRefs. */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): (node: T | null) => void | (() => void) {
  return (node) => {
    const cleanups = refs.map((ref) => setRef(ref, node));
    if (!cleanups.some((cleanup) => typeof cleanup === "function")) return;
    return () =>
      cleanups.forEach((cleanup, i) => {
        if (typeof cleanup === "function") cleanup();
        else setRef(refs[i], null);
      });
  };
}

function joinIds(...values: unknown[]): string | undefined {
  const ids = new Set(values.flatMap((v) => (typeof v === "string" ? v.trim().split(/\s+/) : [])).filter(Boolean));
  return ids.size ? [...ids].join(" ") : undefined;
}

function mergeProps(slot: AnyProps, child: AnyProps): AnyProps {
  const merged: AnyProps = { ...slot, ...child };
  for (const name of Object.keys(child)) {
    const ours = slot[name];
    const theirs = child[name];
    if (/^on[A-Z]/.test(name)) {
      if (typeof ours === "function" && typeof theirs === "function") {
        merged[name] = (...args: unknown[]) => {
          const result = theirs(...args);
          ours(...args);
          return result;
        };
      } else if (ours) merged[name] = ours;
    } else if (name === "style") merged.style = { ...(ours as object), ...(theirs as object) };
    else if (name === "className") merged.className = [ours, theirs].filter(Boolean).join(" ");
    else if (name === "aria-describedby") merged[name] = joinIds(theirs, ours);
  }
  return merged;
}

const LAZY = Symbol.for("react.lazy");

/** An element from the RSC payload not yet read: React.lazy's shape, its payload a thenable. */
function isLazy(node: unknown): node is { _payload: PromiseLike<ReactNode> } {
  return (node as { $$typeof?: symbol } | null)?.$$typeof === LAZY;
}

export type SlotProps = HTMLAttributes<HTMLElement> & { children?: ReactNode; ref?: Ref<HTMLElement> };

export function Slot({ children, ref, ...slotProps }: SlotProps) {
  while (isLazy(children)) children = use(children._payload);
  if (!isValidElement(children)) {
    if (children == null || children === false) return null;
    throw new Error("asChild needs one element");
  }
  const child = children as ReactElement<AnyProps & { ref?: Ref<HTMLElement> }>;
  const props = mergeProps(slotProps, child.props);
  props.ref = ref ? composeRefs(ref, child.props.ref) : child.props.ref;
  return cloneElement(child, props);
}
