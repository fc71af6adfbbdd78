// Whether clipboard text holds more than one cell. The grid must decide at once, to stop the
// browser's own paste, while the parser (lib/measurements/paste.ts) is loaded on demand: this is
// its isMultiCellText without the rest of the module, and block-paste.test.ts keeps them equal.
export function isBlockPaste(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""));
}
