// @vitest-environment jsdom
/**
 * The editor's bytes on a real xterm.js: after every key, the screen must look exactly as if
 * prompt and line had been printed once from scratch, the cursor must sit on the cell of the
 * line's cursor, and every row of a wrapped line must be xterm's continuation of the one above
 * (so selection copies one line and a resize reflows it). Narrow screens make lines wrap.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKeys, type Key, type NamedKey } from './keys';
import { drawLine, EMPTY_LINE, press, type EditorEnv, type LineState } from './lineEditor';
import { cellAt } from './screenLayout';
import { createHeadlessTerminal, type HeadlessTerminal } from './testing/headlessTerminal';

const opened: HeadlessTerminal[] = [];
afterEach(() => opened.splice(0).forEach((terminal) => terminal.dispose()));

async function open(columns: number) {
  const terminal = await createHeadlessTerminal(columns, 100);
  opened.push(terminal);
  return terminal;
}

/** An editor on a real terminal, checked against a second terminal that prints from scratch. */
async function editorOn(columns: number, prompt = '$ ', history: readonly string[] = []) {
  const screen = await open(columns);
  const reference = await open(columns);
  const env: EditorEnv = { prompt, columns, history };
  let state: LineState = EMPTY_LINE;
  screen.write(drawLine(state, env));

  const apply = (key: Key) => {
    const step = press(state, key, env);
    state = step.state;
    for (const effect of step.effects) if (effect.type === 'write') screen.write(effect.data);
  };

  return {
    screen,
    get state() {
      return state;
    },
    async keys(...chunks: string[]) {
      for (const chunk of chunks) parseKeys(chunk).forEach(apply);
      await screen.flush();
    },
    apply,
    async expectInSync() {
      await screen.flush();
      reference.terminal.reset();
      reference.write(prompt + state.buffer);
      await reference.flush();
      expect(screen.rows()).toEqual(reference.rows());
      expect(screen.cursor()).toEqual(cellAt(prompt, state.buffer, state.cursor, columns));
      const rows = screen.rows().length;
      for (let row = 1; row < rows; row += 1)
        expect(screen.isWrapped(row), `row ${row}`).toBe(true);
    },
  };
}

describe('line editor on xterm.js: lines longer than the screen is wide', () => {
  it('types a line across several rows, one key at a time', async () => {
    const editor = await editorOn(10);
    for (const char of 'docker run --name web nginx') {
      await editor.keys(char);
      await editor.expectInSync();
    }
    expect(editor.screen.rows()).toEqual(['$ docker r', 'un --name', 'web nginx']);
  });

  it('parks the cursor at the start of the next row when a row is exactly full', async () => {
    const editor = await editorOn(10);
    await editor.keys('12345678');
    await editor.expectInSync();
    expect(editor.screen.cursor()).toEqual({ row: 1, col: 0 });
    await editor.keys('9');
    await editor.expectInSync();
    await editor.keys('\x7f', '\x7f');
    await editor.expectInSync();
  });

  it('edits at the start of a wrapped line and deletes across row ends', async () => {
    const editor = await editorOn(10);
    await editor.keys('abcdefghijklmnopqrstuvwxyz');
    for (const chunk of ['\x01', 'X', '\x1b[3~', '\x1b[1;5C', '\x7f', '\x1b[C', '\x1b[C', '\x0b']) {
      await editor.keys(chunk);
      await editor.expectInSync();
    }
    await editor.keys('\x05', ' more words here', '\x17', '\x17', '\x15');
    await editor.expectInSync();
    expect(editor.state.buffer).toBe('');
  });

  it('moves Left and Right across row boundaries', async () => {
    const editor = await editorOn(8);
    await editor.keys('abcdefghijklmnop');
    for (let step = 0; step < 16; step += 1) {
      await editor.keys('\x1b[D');
      await editor.expectInSync();
    }
    for (let step = 0; step < 16; step += 1) {
      await editor.keys('\x1b[C');
      await editor.expectInSync();
    }
  });

  it('wraps wide characters that do not fit in the last column, as xterm does', async () => {
    const editor = await editorOn(7);
    await editor.keys('中文中文中');
    await editor.expectInSync();
    expect(editor.screen.rows()).toEqual(['$ 中文', '中文中']);
    await editor.keys('\x1b[H', 'x');
    await editor.expectInSync();
    await editor.keys('\x1b[3~', '\x1b[3~');
    await editor.expectInSync();
  });

  it('recalls long history lines over short ones and back', async () => {
    const long = 'docker run -d --name web -p 8080:80 nginx';
    const editor = await editorOn(12, 'root@host:~# ', ['ls', long, 'ps']);
    await editor.keys('draft');
    for (const key of ['\x1b[A', '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B', '\x1b[B']) {
      await editor.keys(key);
      await editor.expectInSync();
    }
    expect(editor.state.buffer).toBe('draft');
  });

  it('handles a prompt that fills the row by itself, and one with colours', async () => {
    const full = await editorOn(6, '12345 ');
    await full.keys('ab', '\x01', 'x', '\x15');
    await full.expectInSync();
    const coloured = await editorOn(10, '\x1b[32mroot\x1b[0m# ');
    await coloured.keys('docker ps -a', '\x01', '\x1b[3~');
    await coloured.expectInSync();
  });

  it('leaves a wrapped line for output on the next row, with no blank row', async () => {
    const editor = await editorOn(10);
    await editor.keys('12345678', '\x01');
    const env: EditorEnv = { prompt: '$ ', columns: 10, history: [] };
    const step = press(editor.state, { type: 'enter' }, env);
    for (const effect of step.effects)
      if (effect.type === 'write') editor.screen.write(effect.data);
    editor.screen.write('output\r\n');
    await editor.screen.flush();
    expect(editor.screen.rows()).toEqual(['$ 12345678', 'output']);
  });

  it('stays in sync through any sequence of edits, prompts and widths', async () => {
    const named: NamedKey[] = [
      'left',
      'right',
      'home',
      'end',
      'backspace',
      'delete',
      'wordLeft',
      'wordRight',
      'killToStart',
      'killToEnd',
      'killWord',
      'up',
      'down',
    ];
    const key: fc.Arbitrary<Key> = fc.oneof(
      fc
        .array(fc.constantFrom('a', 'b', ' ', '中', 'e\u0301', '😀', 'xyz'), {
          minLength: 1,
          maxLength: 3,
        })
        .map((parts) => ({ type: 'insert' as const, text: parts.join('') })),
      fc.constantFrom(...named).map((type) => ({ type })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 4, max: 16 }),
        fc.constantFrom('$ ', '', 'root@docker-host:~# ', '\x1b[1m#\x1b[0m '),
        fc.array(key, { maxLength: 30 }),
        async (columns, prompt, keys) => {
          const editor = await editorOn(columns, prompt, ['docker ps', 'x'.repeat(30)]);
          keys.forEach(editor.apply);
          await editor.expectInSync();
          opened.splice(0).forEach((terminal) => terminal.dispose());
        },
      ),
      { numRuns: 150 },
    );
  });
});
