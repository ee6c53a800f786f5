import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys';

describe('parseKeys', () => {
  it('reads the bytes xterm.js sends for editing keys', () => {
    const cases: Record<string, string> = {
      '\r': 'enter',
      '\x7f': 'backspace',
      '\x08': 'backspace',
      '\x1b[3~': 'delete',
      '\x1b[D': 'left',
      '\x1bOD': 'left',
      '\x1b[C': 'right',
      '\x1b[A': 'up',
      '\x1bOA': 'up',
      '\x1b[B': 'down',
      '\x1b[H': 'home',
      '\x1b[1~': 'home',
      '\x1b[F': 'end',
      '\x1b[4~': 'end',
      '\x1b[1;5D': 'wordLeft',
      '\x1b[1;5C': 'wordRight',
      '\x01': 'home',
      '\x05': 'end',
      '\x15': 'killToStart',
      '\x0b': 'killToEnd',
      '\x17': 'killWord',
      '\x0c': 'clearScreen',
      '\x03': 'cancel',
      '\x04': 'eof',
      '\t': 'tab',
    };
    for (const [data, type] of Object.entries(cases))
      expect(parseKeys(data), JSON.stringify(data)).toEqual([{ type }]);
  });

  it('keeps printable text, wide and astral characters in one insert', () => {
    expect(parseKeys('docker ps 中文 😀')).toEqual([{ type: 'insert', text: 'docker ps 中文 😀' }]);
  });

  it('splits a paste at line ends (CR, LF or CRLF) and keeps its tabs as spaces', () => {
    expect(parseKeys('a\tb\r\nc\nd\r')).toEqual([
      { type: 'insert', text: 'a b' },
      { type: 'enter' },
      { type: 'insert', text: 'c' },
      { type: 'enter' },
      { type: 'insert', text: 'd' },
      { type: 'enter' },
    ]);
  });

  it('drops other controls, unknown sequences, Alt-keys and bracketed-paste markers whole', () => {
    expect(parseKeys('\x00\x07\x1b[15~\x1b[1;2P\x1bx\x1b[200~ok\x1b[201~\x9b\x1b')).toEqual([
      { type: 'insert', text: 'ok' },
    ]);
  });
});
