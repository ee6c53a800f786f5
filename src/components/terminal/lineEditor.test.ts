import { describe, expect, it } from 'vitest';
import type { Completion } from '../../cli/shell/types';
import { formatColumns, longestCommonPrefix } from './completion';
import { parseKeys } from './keys';
import {
  applyCompletion,
  drawLine,
  EMPTY_LINE,
  hideLine,
  press,
  type EditorEnv,
  type Effect,
  type LineState,
} from './lineEditor';

const ENV: EditorEnv = { prompt: '$ ', columns: 80, history: [] };

type Complete = (line: string, cursor: number) => Completion;

/**
 * Feeds terminal input to the editor as the view does: each string is one `onData` chunk
 * (a key, or a paste), and `complete` effects are answered by the fake controller.
 */
function feed(
  chunks: string | readonly string[],
  options: { env?: Partial<EditorEnv>; state?: LineState; complete?: Complete } = {},
) {
  const env = { ...ENV, ...options.env };
  let state = options.state ?? EMPTY_LINE;
  const effects: Effect[] = [];
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) {
    for (const key of parseKeys(chunk)) {
      const step = press(state, key, env);
      state = step.state;
      for (const effect of step.effects) {
        if (effect.type === 'complete' && options.complete) {
          const answer = applyCompletion(state, options.complete(effect.line, effect.cursor), env);
          state = answer.state;
          effects.push(...answer.effects);
        } else effects.push(effect);
      }
    }
  }
  const written = effects.map((effect) => (effect.type === 'write' ? effect.data : '')).join('');
  const submitted = effects.flatMap((effect) => (effect.type === 'submit' ? [effect.line] : []));
  return { state, effects, written, submitted };
}

/** One chunk per character, as typing sends them. */
const typed = (text: string) => [...text];
const line = (buffer: string, cursor = buffer.length): LineState => ({
  ...EMPTY_LINE,
  buffer,
  cursor,
});

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('line editor: typing and moving', () => {
  it('echoes printable keys and a paste as they come', () => {
    const keys = feed(typed('ls -a'));
    expect(keys.state).toMatchObject({ buffer: 'ls -a', cursor: 5 });
    expect(keys.written).toBe('ls -a');
    expect(feed('docker ps').effects).toEqual([{ type: 'write', data: 'docker ps' }]);
  });

  it('inserts in the middle by rewriting the rest of the line and stepping back', () => {
    const step = feed('b', { state: line('ac', 1) });
    expect(step.state).toMatchObject({ buffer: 'abc', cursor: 2 });
    expect(step.written).toBe('bc\x1b[D');
  });

  it('moves with the arrows, Home, End, Ctrl-A/E/B/F and Ctrl-arrows', () => {
    const start = line('docker run nginx', 16);
    expect(feed(LEFT, { state: start })).toMatchObject({
      written: '\x1b[D',
      state: { cursor: 15 },
    });
    expect(feed('\x1b[H', { state: start })).toMatchObject({
      written: '\x1b[16D',
      state: { cursor: 0 },
    });
    expect(feed('\x01', { state: start }).state.cursor).toBe(0);
    expect(feed('\x1b[1;5D', { state: start }).state.cursor).toBe(11);
    const home = line('docker run nginx', 0);
    expect(feed('\x1b[F', { state: home })).toMatchObject({
      written: '\x1b[16C',
      state: { cursor: 16 },
    });
    expect(feed('\x05', { state: home }).state.cursor).toBe(16);
    expect(feed('\x06', { state: home }).state.cursor).toBe(1);
    expect(feed('\x1b[1;5C', { state: home }).state.cursor).toBe(6);
    expect(feed(['\x02', '\x02'], { state: start }).state.cursor).toBe(14);
  });

  it('does nothing at the ends of the line', () => {
    expect(feed(RIGHT, { state: line('ab') }).effects).toEqual([]);
    expect(feed(LEFT, { state: line('ab', 0) }).effects).toEqual([]);
    expect(feed('\x7f', { state: line('ab', 0) }).effects).toEqual([]);
    expect(feed('\x1b[3~', { state: line('ab') }).effects).toEqual([]);
  });

  it('steps over a character with its combining marks, and over surrogate pairs, as one', () => {
    const text = 'e\u0301x😀';
    expect(feed(LEFT, { state: line(text) }).state.cursor).toBe(3);
    expect(feed([LEFT, LEFT], { state: line(text) }).state.cursor).toBe(2);
    expect(feed([LEFT, LEFT, LEFT], { state: line(text) }).state.cursor).toBe(0);
    expect(feed('\x7f', { state: line(text) }).state.buffer).toBe('e\u0301x');
    expect(feed('\x1b[3~', { state: line(text, 0) }).state.buffer).toBe('x😀');
  });
});

describe('line editor: deleting', () => {
  it('Backspace deletes before the cursor and erases what is left over', () => {
    const step = feed('\x7f', { state: line('ls') });
    expect(step.state).toMatchObject({ buffer: 'l', cursor: 1 });
    expect(step.written).toBe('\x1b[D\x1b[J');
    expect(feed('\x08', { state: line('ls') }).state.buffer).toBe('l');
  });

  it('Delete and Ctrl-D delete under the cursor', () => {
    const step = feed('\x1b[3~', { state: line('abc', 0) });
    expect(step.state).toMatchObject({ buffer: 'bc', cursor: 0 });
    expect(step.written).toBe('bc\x1b[J\x1b[2D');
    expect(feed('\x04', { state: line('abc', 1) }).state.buffer).toBe('ac');
  });

  it('Ctrl-D on an empty line does nothing', () => {
    expect(feed('\x04')).toMatchObject({ effects: [], state: EMPTY_LINE });
  });

  it('Ctrl-U kills to the start, Ctrl-K to the end', () => {
    expect(feed('\x15', { state: line('hello world', 6) }).state).toMatchObject({
      buffer: 'world',
      cursor: 0,
    });
    expect(feed('\x0b', { state: line('hello world', 6) }).state).toMatchObject({
      buffer: 'hello ',
      cursor: 6,
    });
    expect(feed('\x0b', { state: line('hello world', 6) }).written).toBe('\x1b[J');
  });

  it('Ctrl-W deletes the word before the cursor, spaces after it first', () => {
    const once = feed('\x17', { state: line('docker run  nginx') });
    expect(once.state).toMatchObject({ buffer: 'docker run  ', cursor: 12 });
    const twice = feed('\x17', { state: once.state });
    expect(twice.state).toMatchObject({ buffer: 'docker ', cursor: 7 });
    expect(feed('\x17', { state: line('docker run', 6) }).state.buffer).toBe(' run');
  });
});

describe('line editor: lines, screens and signals', () => {
  it('Enter submits the line after moving to its end and starting a new row', () => {
    const step = feed('\r', { state: line('echo hi', 2) });
    expect(step.effects).toEqual([
      { type: 'write', data: '\x1b[5C\r\n' },
      { type: 'submit', line: 'echo hi' },
    ]);
    expect(step.state).toEqual(EMPTY_LINE);
  });

  it('an empty or blank line just gives a new prompt', () => {
    expect(feed('\r')).toMatchObject({ submitted: [], written: '\r\n$ ' });
    expect(feed('\r', { state: line('   ') })).toMatchObject({ submitted: [], written: '\r\n$ ' });
  });

  it('Ctrl-C cancels the line: ^C and a fresh prompt', () => {
    const step = feed('\x03', { state: line('docker rn', 3) });
    expect(step.written).toBe('\x1b[6C^C\r\n$ ');
    expect(step.state).toEqual(EMPTY_LINE);
    expect(step.submitted).toEqual([]);
  });

  it('Ctrl-L clears the screen and redraws prompt and line with the cursor in place', () => {
    const step = feed('\x0c', { state: line('docker', 3) });
    expect(step.effects).toEqual([{ type: 'clear' }, { type: 'write', data: '$ docker\x1b[3D' }]);
    expect(step.state.buffer).toBe('docker');
  });

  it('a paste with line ends runs each line in order and keeps the last one for editing', () => {
    const step = feed('echo a\necho b\r\ndocker ps\rls');
    expect(step.submitted).toEqual(['echo a', 'echo b', 'docker ps']);
    expect(step.state).toMatchObject({ buffer: 'ls', cursor: 2 });
  });

  it('ignores control characters and unknown escape sequences, never inserting them', () => {
    const step = feed('\x00a\x07\x1b[15~b\x1bx\x1b[200~c\x9b\x1b');
    expect(step.state.buffer).toBe('abc');
    expect(step.written).toBe('a' + 'b' + 'c');
  });

  it('draws and hides the line around output printed above it', () => {
    const state = line('docker ps', 4);
    expect(drawLine(state, ENV)).toBe('$ docker ps\x1b[5D');
    expect(hideLine(state, ENV)).toBe('\r\x1b[J');
    const wrapped = line('x'.repeat(25), 25);
    expect(hideLine(wrapped, { ...ENV, columns: 10 })).toBe('\x1b[2A\r\x1b[J');
  });
});

describe('line editor: history', () => {
  const history = ['docker ps', 'docker images'];

  it('walks back with Up and forward with Down, returning to the draft', () => {
    const env = { history };
    const back1 = feed(UP, { env, state: line('dock') });
    expect(back1.state).toMatchObject({ buffer: 'docker images', historyBack: 1, draft: 'dock' });
    expect(back1.written).toBe('\x1b[4Ddocker images');
    const back2 = feed(UP, { env, state: back1.state });
    expect(back2.state).toMatchObject({ buffer: 'docker ps', cursor: 9, historyBack: 2 });
    expect(back2.written).toBe('\x1b[13Ddocker ps\x1b[J');
    expect(feed(UP, { env, state: back2.state }).effects).toEqual([]);
    const forward = feed([DOWN, DOWN], { env, state: back2.state });
    expect(forward.state).toMatchObject({ buffer: 'dock', cursor: 4, historyBack: 0 });
    expect(feed(DOWN, { env, state: forward.state }).effects).toEqual([]);
  });

  it('Ctrl-P and Ctrl-N walk history too; an empty history does nothing', () => {
    expect(feed('\x10', { env: { history } }).state.buffer).toBe('docker images');
    expect(feed(['\x10', '\x10', '\x0e'], { env: { history } }).state.buffer).toBe('docker images');
    expect(feed(UP).effects).toEqual([]);
  });

  it('submitting a recalled line starts the next one from the newest entry again', () => {
    const recalled = feed([UP, '\r'], { env: { history } });
    expect(recalled.submitted).toEqual(['docker images']);
    expect(recalled.state).toEqual(EMPTY_LINE);
  });
});

describe('line editor: Tab completion', () => {
  /** A fake controller's `complete`: the word under the cursor against a fixed list. */
  const completer =
    (words: readonly string[]): Complete =>
    (text, cursor) => {
      const from = text.slice(0, cursor).search(/\S*$/);
      const word = text.slice(from, cursor);
      return { from, candidates: words.filter((candidate) => candidate.startsWith(word)) };
    };

  it('asks for completion with the line and the cursor', () => {
    expect(feed('\t', { state: line('docker ps', 3) }).effects).toEqual([
      { type: 'complete', line: 'docker ps', cursor: 3 },
    ]);
  });

  it('one candidate: inserts the rest and a space after a whole word', () => {
    const complete = completer(['docker', 'images/']);
    expect(feed('\t', { state: line('do'), complete })).toMatchObject({
      written: 'cker ',
      state: { buffer: 'docker ', cursor: 7 },
    });
    expect(feed('\t', { state: line('im'), complete }).state.buffer).toBe('images/');
  });

  it('completes in the middle of a line without doubling the space after it', () => {
    const step = feed('\t', { state: line('do ps', 2), complete: completer(['docker']) });
    expect(step.state).toMatchObject({ buffer: 'docker ps', cursor: 6 });
  });

  it('replaces the word when the candidate does not extend it', () => {
    const complete: Complete = () => ({ from: 0, candidates: ['Docker'] });
    expect(feed('\t', { state: line('dock'), complete }).state.buffer).toBe('Docker ');
  });

  it('several: inserts the common prefix, then lists them on the second Tab', () => {
    const complete = completer(['container', 'context', 'cp']);
    const first = feed('\t', { state: line('docker co'), complete });
    expect(first.state).toMatchObject({ buffer: 'docker cont', tabbed: true });
    expect(first.written).toBe('nt');
    const second = feed('\t', { state: first.state, complete });
    expect(second.written).toBe('\r\ncontainer  context\r\n$ docker cont');
    expect(second.state.buffer).toBe('docker cont');
  });

  it('several with nothing in common to add: quiet on the first Tab, a list on the second', () => {
    const complete = completer(['ps', 'pull', 'push']);
    const first = feed('\t', { state: line('docker p'), complete });
    expect(first.effects).toEqual([]);
    const second = feed('\t', { state: first.state, complete });
    expect(second.written).toBe('\r\nps    pull  push\r\n$ docker p');
  });

  it('another key between two Tabs starts over', () => {
    const complete = completer(['ps', 'pull']);
    const step = feed(['\t', 'x', '\x7f', '\t'], { state: line('docker p'), complete });
    expect(step.written).not.toContain('pull');
  });

  it('no candidates: nothing happens', () => {
    expect(feed(['\t', '\t'], { state: line('zz'), complete: completer([]) }).effects).toEqual([]);
  });

  it('lays out candidates down the columns that fit the width', () => {
    const words = ['a', 'bb', 'ccc', 'dddd', 'e'];
    expect(formatColumns(words, 12)).toBe('a     dddd\r\nbb    e\r\nccc\r\n');
    expect(formatColumns(['averyveryverylongname'], 10)).toBe('averyveryverylongname\r\n');
    expect(longestCommonPrefix(['docker', 'dockerd', 'docker-init'])).toBe('docker');
    expect(longestCommonPrefix([])).toBe('');
    expect(longestCommonPrefix(['\u{1F600}', '\u{1F601}'])).toBe('');
  });
});
