/**
 * Where text lands on a terminal screen, and the escape sequences that move the cursor there.
 * Contract: pure arithmetic over strings; no DOM, no xterm. Widths follow xterm.js's default
 * Unicode 6 rules closely (wide East Asian characters take two cells, combining marks none),
 * because the line editor must agree with the terminal about where each character sits.
 *
 * Coordinates are relative to the row where the prompt starts: `{ row: 0, col: 0 }` is the
 * prompt's first cell. A position that exactly fills a row is the next row's column 0 (the
 * terminal itself parks the cursor in a "pending wrap" state there; see `settleWrap`).
 */

export interface Cell {
  readonly row: number;
  readonly col: number;
}

const ESC = '\x1b';
export const CSI = `${ESC}[`;
/** Erase from the cursor to the end of the screen: a wrapped line may span several rows. */
export const ERASE_BELOW = `${CSI}J`;

// Escape sequences in a prompt (colours, titles) take no cells.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

export function stripEscapes(text: string): string {
  return text.replace(ESCAPES, '');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff]$/u;

/** Cells one code point takes: 0 (controls, combining marks), 1, or 2 (wide). */
export function charWidth(char: string): 0 | 1 | 2 {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (code < 0x300) return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x2fffd) ||
    (code >= 0x30000 && code <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** Total cells of a string printed on one endless row (escapes excluded). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of stripEscapes(text)) width += charWidth(char);
  return width;
}

/**
 * Where the cursor is after printing `text` from `start` on a screen `columns` wide. A wide
 * character that does not fit in the last column goes to the next row, as in xterm.js.
 */
export function advance(start: Cell, text: string, columns: number): Cell {
  let { row, col } = start;
  for (const char of text) {
    const width = charWidth(char);
    if (width === 0) continue;
    if (col + width > columns) {
      row += 1;
      col = 0;
    }
    col += width;
    if (col >= columns) {
      row += 1;
      col = 0;
    }
  }
  return { row, col };
}

/** The cell of buffer index `index`, with `prompt` printed from the start of row 0. */
export function cellAt(prompt: string, buffer: string, index: number, columns: number): Cell {
  const afterPrompt = advance({ row: 0, col: 0 }, stripEscapes(prompt), columns);
  return advance(afterPrompt, buffer.slice(0, index), columns);
}

function repeat(count: number, final: string): string {
  if (count <= 0) return '';
  return count === 1 ? `${CSI}${final}` : `${CSI}${count}${final}`;
}

/**
 * The shortest relative move between two cells: CSI A/B for rows, CR or CSI C/D for columns.
 * Relative moves never scroll, and the editor only moves within rows it has drawn.
 */
export function moveCursor(from: Cell, to: Cell): string {
  const rows = to.row - from.row;
  let out = rows < 0 ? repeat(-rows, 'A') : repeat(rows, 'B');
  const cols = to.col - from.col;
  if (cols > 0) out += repeat(cols, 'C');
  else if (cols < 0) out += to.col === 0 ? '\r' : repeat(-cols, 'D');
  return out;
}

/**
 * After printing text that ended exactly at the right margin, the terminal's cursor waits
 * at the last column of the full row ("pending wrap") rather than at column 0 of the next one,
 * so a relative move from there would be off by a row. Printing a space wraps for real; CR
 * and an erase take the space away again, leaving the cursor at the start of an empty row.
 * Returns '' when no fix is needed.
 */
export function settleWrap(wrote: string, end: Cell): string {
  return wrote.length > 0 && end.col === 0 && end.row > 0 ? ` \r${ERASE_BELOW}` : '';
}
