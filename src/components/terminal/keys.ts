/**
 * Turns what the terminal sends (xterm.js `onData`: one key's bytes, or a whole paste) into
 * editing keys. Contract: pure. Printable runs become one `insert`; every escape sequence is
 * consumed whole, so an unknown one (F5, Alt-x) is dropped rather than typed as `[15~`;
 * control characters that are not editing keys are dropped too.
 */

export type NamedKey =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'wordLeft'
  | 'wordRight'
  | 'home'
  | 'end'
  | 'up'
  | 'down'
  | 'killToStart'
  | 'killToEnd'
  | 'killWord'
  | 'clearScreen'
  | 'cancel'
  | 'eof'
  | 'tab';

export type Key = { readonly type: 'insert'; readonly text: string } | { readonly type: NamedKey };

/** Single control bytes, as readline binds them (Ctrl-B/F/P/N move like the arrows). */
const CONTROLS: Readonly<Record<string, NamedKey>> = {
  '\x01': 'home', // Ctrl-A
  '\x02': 'left', // Ctrl-B
  '\x03': 'cancel', // Ctrl-C
  '\x04': 'eof', // Ctrl-D
  '\x05': 'end', // Ctrl-E
  '\x06': 'right', // Ctrl-F
  '\x08': 'backspace', // Ctrl-H
  '\t': 'tab',
  '\x0b': 'killToEnd', // Ctrl-K
  '\x0c': 'clearScreen', // Ctrl-L
  '\r': 'enter',
  '\n': 'enter',
  '\x0e': 'down', // Ctrl-N
  '\x10': 'up', // Ctrl-P
  '\x15': 'killToStart', // Ctrl-U
  '\x17': 'killWord', // Ctrl-W
  '\x7f': 'backspace',
};

/** CSI and SS3 sequences by their body (what follows `ESC [` or `ESC O`). */
const SEQUENCES: Readonly<Record<string, NamedKey>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '1;5C': 'wordRight',
  '1;5D': 'wordLeft',
  '1;3C': 'wordRight',
  '1;3D': 'wordLeft',
};

/** Length of the escape sequence starting at `index` (which holds ESC), and its body. */
function readEscape(data: string, index: number): { length: number; body: string } {
  const kind = data[index + 1];
  if (kind === '[' || kind === 'O') {
    // Parameters and intermediates, then one final byte in @..~ (CSI) or any letter (SS3).
    let end = index + 2;
    if (kind === '[') while (end < data.length && /[0-?]/.test(data[end] ?? '')) end += 1;
    while (end < data.length && /[ -/]/.test(data[end] ?? '')) end += 1;
    const length = Math.min(end + 1, data.length) - index;
    return { length, body: data.slice(index + 2, index + length) };
  }
  // ESC alone, or ESC + one character (Alt-x): nothing we bind.
  return { length: kind === undefined ? 1 : 2, body: '' };
}

/** A C0 or C1 control (or DEL): never inserted. */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ type: 'insert', text });
    text = '';
  };
  // A paste arrives in one piece; a Tab inside it is text, not a completion request.
  const pasted = data.length > 1;
  let index = 0;
  while (index < data.length) {
    const char = data[index] ?? '';
    if (char === '\x1b') {
      flush();
      const { length, body } = readEscape(data, index);
      const named = SEQUENCES[body];
      if (named) keys.push({ type: named });
      index += length;
      continue;
    }
    if (char === '\r' && data[index + 1] === '\n') index += 1; // CRLF is one line end
    const named = CONTROLS[char];
    if (pasted && named === 'tab') text += ' ';
    else if (named) {
      flush();
      keys.push({ type: named });
    } else if (!isControl(char)) text += char;
    index += 1;
  }
  flush();
  return keys;
}
