/**
 * A real xterm.js terminal with no page around it, so tests check what the editor's bytes do
 * on the emulator the app uses (wrapping, pending wrap, wide characters) rather than against
 * a model of it. Test code only; needs the jsdom environment.
 */
import type { Terminal } from '@xterm/xterm';

export interface HeadlessTerminal {
  readonly terminal: Terminal;
  readonly columns: number;
  write(data: string): void;
  /** Resolves once everything written so far has been parsed. */
  flush(): Promise<void>;
  /** The screen's rows as text (wide characters once), trailing blank rows dropped. */
  rows(): string[];
  cursor(): { row: number; col: number };
  /** Whether xterm takes this screen row as the continuation of the one above. */
  isWrapped(row: number): boolean;
  dispose(): void;
}

export async function createHeadlessTerminal(
  columns: number,
  rows = 40,
): Promise<HeadlessTerminal> {
  // jsdom has no canvas; xterm probes one at load time only to parse colours we never pass.
  HTMLCanvasElement.prototype.getContext = (() =>
    null) as typeof HTMLCanvasElement.prototype.getContext;
  const { Terminal } = await import('@xterm/xterm');
  const terminal = new Terminal({ cols: columns, rows, scrollback: 1000 });
  const line = (row: number) => terminal.buffer.active.getLine(row);
  return {
    terminal,
    get columns() {
      return terminal.cols;
    },
    write: (data) => terminal.write(data),
    flush: () => new Promise((resolve) => terminal.write('', resolve)),
    rows() {
      const text = Array.from({ length: terminal.rows }, (_, row) =>
        (line(row)?.translateToString(true) ?? '').replace(/\s+$/, ''),
      );
      while (text.length > 0 && text[text.length - 1] === '') text.pop();
      return text;
    },
    cursor: () => ({ row: terminal.buffer.active.cursorY, col: terminal.buffer.active.cursorX }),
    isWrapped: (row) => line(row)?.isWrapped ?? false,
    dispose: () => terminal.dispose(),
  };
}
