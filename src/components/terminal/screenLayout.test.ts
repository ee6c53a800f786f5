import { describe, expect, it } from 'vitest';
import {
  advance,
  cellAt,
  charWidth,
  moveCursor,
  settleWrap,
  stripEscapes,
  textWidth,
} from './screenLayout';

describe('screen layout', () => {
  it('measures characters as xterm.js does by default', () => {
    expect(['a', '中', '\u0301', '\u200b', '\x07', '😀', 'ｱ', '가'].map(charWidth)).toEqual([
      1, 2, 0, 0, 0, 1, 1, 2,
    ]);
    expect(textWidth('\x1b[1;32mroot\x1b[0m@中 ')).toBe(8);
    expect(stripEscapes('\x1b]0;title\x07$ ')).toBe('$ ');
  });

  it('wraps at the right margin: a full row puts the next cell at column 0 below', () => {
    expect(advance({ row: 0, col: 0 }, 'abcdefghij', 10)).toEqual({ row: 1, col: 0 });
    expect(advance({ row: 0, col: 0 }, 'abcdefghijk', 10)).toEqual({ row: 1, col: 1 });
    expect(advance({ row: 0, col: 0 }, 'x'.repeat(25), 10)).toEqual({ row: 2, col: 5 });
  });

  it('moves a wide character that does not fit in the last column to the next row', () => {
    expect(advance({ row: 0, col: 0 }, 'abcd中', 5)).toEqual({ row: 1, col: 2 });
    expect(advance({ row: 0, col: 0 }, 'abc中', 5)).toEqual({ row: 1, col: 0 });
  });

  it('finds a buffer index after a prompt, escapes in the prompt taking no cells', () => {
    expect(cellAt('$ ', 'docker run nginx', 16, 10)).toEqual({ row: 1, col: 8 });
    expect(cellAt('\x1b[32m$\x1b[0m ', 'docker', 3, 10)).toEqual({ row: 0, col: 5 });
  });

  it('moves between cells with CSI A/B/C/D, and CR for column 0', () => {
    expect(moveCursor({ row: 2, col: 7 }, { row: 0, col: 2 })).toBe('\x1b[2A\x1b[5D');
    expect(moveCursor({ row: 0, col: 2 }, { row: 1, col: 3 })).toBe('\x1b[B\x1b[C');
    expect(moveCursor({ row: 1, col: 4 }, { row: 1, col: 0 })).toBe('\r');
    expect(moveCursor({ row: 1, col: 4 }, { row: 1, col: 4 })).toBe('');
  });

  it('settles a pending wrap only after printing up to the margin', () => {
    expect(settleWrap('abc', { row: 1, col: 0 })).toBe(' \r\x1b[J');
    expect(settleWrap('', { row: 1, col: 0 })).toBe('');
    expect(settleWrap('abc', { row: 1, col: 3 })).toBe('');
  });
});
