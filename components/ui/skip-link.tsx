// The first stop of the keyboard on a page with a header: jumps past it to `<main id="main">`.
export function SkipLink() {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
      Skip to content
    </a>
  );
}
