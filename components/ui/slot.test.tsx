// Slot replaces Radix's: the same merge of the slot's props onto its child (asChild).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { composeRefs, Slot } from "./slot";

describe("Slot", () => {
  it("renders the child with the slot's props, classes joined and the child's own props kept", () => {
    const html = renderToStaticMarkup(
      <Slot className="a" aria-describedby="hint" data-state="closed" title="slot">
        <a href="/x" className="b" aria-describedby="error" title="child">
          Go
        </a>
      </Slot>,
    );
    expect(html).toBe('<a href="/x" class="a b" aria-describedby="error hint" title="child" data-state="closed">Go</a>');
  });

  it("runs the child's handler first, then the slot's, unless only one is given", () => {
    const calls: string[] = [];
    const element = Slot({
      onClick: () => calls.push("slot"),
      onFocus: () => calls.push("slot focus"),
      children: <button onClick={() => calls.push("child")} />,
    }) as React.ReactElement<{ onClick: () => void; onFocus: () => void }>;
    element.props.onClick();
    element.props.onFocus();
    expect(calls).toEqual(["child", "slot", "slot focus"]);
  });

  it("unwraps a child that arrives as a lazy reference (an element from the RSC payload)", () => {
    const button = <button className="b">Settings</button>;
    const payload = Object.assign(Promise.resolve(button), { status: "fulfilled", value: button });
    const lazyChild = { $$typeof: Symbol.for("react.lazy"), _payload: payload, _init: (p: typeof payload) => p.value };
    const html = renderToStaticMarkup(<Slot className="a">{lazyChild as unknown as React.ReactNode}</Slot>);
    expect(html).toBe('<button class="a b">Settings</button>');
  });

  it("renders nothing without a child and refuses text", () => {
    expect(renderToStaticMarkup(<Slot>{null}</Slot>)).toBe("");
    expect(() => renderToStaticMarkup(<Slot>text</Slot>)).toThrow(/one element/);
  });
});

describe("composeRefs", () => {
  it("sets every ref, and hands React one cleanup when a callback ref returns one", () => {
    const object = { current: null as HTMLElement | null };
    const cleanup = vi.fn();
    const callback = vi.fn(() => cleanup);
    const node = {} as HTMLElement;
    const dispose = composeRefs(object, callback)(node);
    expect(object.current).toBe(node);
    expect(callback).toHaveBeenCalledWith(node);
    expect(typeof dispose).toBe("function");
    (dispose as () => void)();
    expect(cleanup).toHaveBeenCalledOnce();
    expect(object.current).toBeNull();
  });
});
