/**
 * A readline-style line editor as a pure model: a key and the current line go in, the next
 * line and the effects to perform come out (bytes for the screen, a line to run, a screen to
 * clear, a completion to look up). Contract: no DOM, no xterm, no controller. The view performs
 * the effects in order; `complete` is answered by calling `applyCompletion`.
 *
 * Invariant: after every step the terminal's cursor sits exactly at `cellAt(cursor)`, never in
 * a pending wrap. Rendering starts from the prompt's row, so a line longer than the screen is
 * wide (it wraps onto several rows) is redrawn correctly: rows are computed from the column
 * count, moves between rows use CSI A/B, and erasing uses ERASE_BELOW to clear every row the
 * old text covered. A line taller than the whole screen scrolls its first rows away, and
 * relative moves cannot reach them: such lines still edit at the end, not in their lost part.
 */
import type { Completion } from '../../cli/shell/types';
import { formatColumns, isWholeWord, longestCommonPrefix } from './completion';
import type { Key } from './keys';
import { cellAt, charWidth, ERASE_BELOW, moveCursor, settleWrap } from './screenLayout';

export interface LineState {
  readonly buffer: string;
  /** A UTF-16 index into `buffer`, always at the start of a character (never mid-pair). */
  readonly cursor: number;
  /** How far back in history the line comes from; 0 is the line being typed (the draft). */
  readonly historyBack: number;
  /** The line being typed, kept while walking history so Down can return to it. */
  readonly draft: string;
  /** The previous key was Tab, so another Tab lists the candidates. */
  readonly tabbed: boolean;
}

export interface EditorEnv {
  /** Printed before the line; may contain colour escapes. */
  readonly prompt: string;
  readonly columns: number;
  /** Lines run so far, oldest first. */
  readonly history: readonly string[];
}

export type Effect =
  | { readonly type: 'write'; readonly data: string }
  | { readonly type: 'submit'; readonly line: string }
  | { readonly type: 'clear' }
  | { readonly type: 'complete'; readonly line: string; readonly cursor: number };

export interface Step {
  readonly state: LineState;
  readonly effects: readonly Effect[];
}

export const EMPTY_LINE: LineState = {
  buffer: '',
  cursor: 0,
  historyBack: 0,
  draft: '',
  tabbed: false,
};

const write = (data: string): Effect[] => (data ? [{ type: 'write', data }] : []);

function columnsOf(env: EditorEnv): number {
  // xterm.js never has fewer than two columns; a hidden terminal may report 0.
  return Math.max(2, env.columns);
}

function cell(env: EditorEnv, buffer: string, index: number) {
  return cellAt(env.prompt, buffer, index, columnsOf(env));
}

/**
 * Offsets where the cursor may stop: the start of each character it steps over (a base plus
 * its combining marks), and the end of the line.
 */
function unitStarts(buffer: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const char of buffer) {
    if (starts.length === 0 || charWidth(char) !== 0) starts.push(offset);
    offset += char.length;
  }
  starts.push(buffer.length);
  return starts;
}

function previousUnit(buffer: string, index: number): number {
  return unitStarts(buffer).findLast((start) => start < index) ?? 0;
}

function nextUnit(buffer: string, index: number): number {
  return unitStarts(buffer).find((start) => start > index) ?? buffer.length;
}

/** Start of the word before `index` (bash's unix-word-rubout: words end at whitespace). */
function wordStart(buffer: string, index: number): number {
  let at = index;
  while (at > 0 && /\s/.test(buffer[at - 1] ?? '')) at -= 1;
  while (at > 0 && !/\s/.test(buffer[at - 1] ?? '')) at -= 1;
  return at;
}

function wordEnd(buffer: string, index: number): number {
  let at = index;
  while (at < buffer.length && /\s/.test(buffer[at] ?? '')) at += 1;
  while (at < buffer.length && !/\s/.test(buffer[at] ?? '')) at += 1;
  return at;
}

/** Prompt and line from the start of an empty row, cursor left where the line's cursor is. */
export function drawLine(state: LineState, env: EditorEnv): string {
  const text = env.prompt + state.buffer;
  const end = cell(env, state.buffer, state.buffer.length);
  return text + settleWrap(text, end) + moveCursor(end, cell(env, state.buffer, state.cursor));
}

/** Takes prompt and line off the screen (to print output above them, then `drawLine`). */
export function hideLine(state: LineState, env: EditorEnv): string {
  return moveCursor(cell(env, state.buffer, state.cursor), { row: 0, col: 0 }) + ERASE_BELOW;
}

/** From the cursor to a fresh row below the line (for output, `^C` or a candidate list). */
function leaveLine(state: LineState, env: EditorEnv, suffix = ''): string {
  const end = cell(env, state.buffer, state.buffer.length);
  const move = moveCursor(cell(env, state.buffer, state.cursor), end);
  // A settled full row already left the cursor at the start of an empty row.
  const onFreshRow = end.col === 0 && end.row > 0 && suffix === '';
  return move + suffix + (onFreshRow ? '' : '\r\n');
}

/**
 * Moves to the new line's content: redraws from `from` (the text before it is the same in both
 * lines, so it is already on screen), erases what a longer old line left behind, and places
 * the cursor.
 */
function repaint(old: LineState, next: LineState, from: number, env: EditorEnv): Step {
  const starts = unitStarts(next.buffer);
  // Never print a combining mark alone: start at the character it belongs to.
  let start = starts.findLast((unit) => unit <= from) ?? 0;
  let at = cell(env, next.buffer, start);
  let head = '';
  if (at.col === 0 && at.row > 0) {
    // Printing into column 0 after a cursor move would make xterm treat the row as a line of
    // its own (selection, reflow on resize); printing from the character before wraps for real.
    const before = starts.findLast((unit) => unit < start);
    if (before === undefined) {
      head = env.prompt;
      start = 0;
      at = { row: 0, col: 0 };
    } else {
      start = before;
      at = cell(env, next.buffer, start);
    }
  }
  const tail = head + next.buffer.slice(start);
  const end = cell(env, next.buffer, next.buffer.length);
  const settle = settleWrap(tail, end);
  // Every cell from `start` to the new end is rewritten; only a shorter line leaves old cells.
  const oldEnd = cell(env, old.buffer, old.buffer.length);
  const shorter = oldEnd.row > end.row || (oldEnd.row === end.row && oldEnd.col > end.col);
  const erase = settle || !shorter ? '' : ERASE_BELOW;
  const data =
    moveCursor(cell(env, old.buffer, old.cursor), at) +
    tail +
    settle +
    erase +
    moveCursor(end, cell(env, next.buffer, next.cursor));
  return { state: next, effects: write(data) };
}

function moveTo(state: LineState, cursor: number, env: EditorEnv): Step {
  const next = { ...state, cursor, tabbed: false };
  const data = moveCursor(cell(env, state.buffer, state.cursor), cell(env, next.buffer, cursor));
  return { state: next, effects: write(data) };
}

/** Replaces `buffer[from, to)` with `text` and leaves the cursor after it. */
function splice(state: LineState, from: number, to: number, text: string, env: EditorEnv): Step {
  const buffer = state.buffer.slice(0, from) + text + state.buffer.slice(to);
  const next = { ...state, buffer, cursor: from + text.length, tabbed: false };
  return repaint(state, next, from, env);
}

function recall(state: LineState, historyBack: number, env: EditorEnv): Step {
  const draft = state.historyBack === 0 ? state.buffer : state.draft;
  const buffer =
    historyBack === 0 ? draft : (env.history[env.history.length - historyBack] ?? draft);
  const next = { buffer, cursor: buffer.length, historyBack, draft, tabbed: false };
  return repaint(state, next, 0, env);
}

const NOTHING = (state: LineState): Step => ({ state: { ...state, tabbed: false }, effects: [] });

export function press(state: LineState, key: Key, env: EditorEnv): Step {
  const { buffer, cursor } = state;
  switch (key.type) {
    case 'insert':
      return splice(state, cursor, cursor, key.text, env);
    case 'enter': {
      const leave = leaveLine(state, env);
      if (buffer.trim() === '') {
        // Nothing to run: a new prompt, as a shell gives for an empty line.
        return { state: EMPTY_LINE, effects: write(leave + drawLine(EMPTY_LINE, env)) };
      }
      return { state: EMPTY_LINE, effects: [...write(leave), { type: 'submit', line: buffer }] };
    }
    case 'cancel':
      return {
        state: EMPTY_LINE,
        effects: write(leaveLine(state, env, '^C') + drawLine(EMPTY_LINE, env)),
      };
    case 'backspace':
      if (cursor === 0) return NOTHING(state);
      return splice(state, previousUnit(buffer, cursor), cursor, '', env);
    case 'eof':
      // Ctrl-D ends the shell on an empty line; this one stays, so it does nothing there.
      if (buffer === '') return NOTHING(state);
      return press(state, { type: 'delete' }, env);
    case 'delete':
      if (cursor >= buffer.length) return NOTHING(state);
      return splice(state, cursor, nextUnit(buffer, cursor), '', env);
    case 'left':
      return moveTo(state, previousUnit(buffer, cursor), env);
    case 'right':
      return moveTo(state, cursor < buffer.length ? nextUnit(buffer, cursor) : cursor, env);
    case 'wordLeft':
      return moveTo(state, wordStart(buffer, cursor), env);
    case 'wordRight':
      return moveTo(state, wordEnd(buffer, cursor), env);
    case 'home':
      return moveTo(state, 0, env);
    case 'end':
      return moveTo(state, buffer.length, env);
    case 'killToStart':
      return splice(state, 0, cursor, '', env);
    case 'killToEnd':
      return splice(state, cursor, buffer.length, '', env);
    case 'killWord':
      return splice(state, wordStart(buffer, cursor), cursor, '', env);
    case 'up':
      if (state.historyBack >= env.history.length) return NOTHING(state);
      return recall(state, state.historyBack + 1, env);
    case 'down':
      if (state.historyBack === 0) return NOTHING(state);
      return recall(state, state.historyBack - 1, env);
    case 'clearScreen': {
      const next = { ...state, tabbed: false };
      return { state: next, effects: [{ type: 'clear' }, ...write(drawLine(next, env))] };
    }
    case 'tab':
      // Keeps `tabbed`: the answer decides whether this Tab completes or lists.
      return { state, effects: [{ type: 'complete', line: buffer, cursor }] };
  }
}

/**
 * The answer to a `complete` effect. One candidate replaces the word (and adds a space after
 * a whole word); several insert their longest common prefix, and once nothing is left to
 * insert, a second Tab in a row prints them in columns below and redraws the line.
 */
export function applyCompletion(state: LineState, completion: Completion, env: EditorEnv): Step {
  const { buffer, cursor } = state;
  const from = Math.min(Math.max(0, completion.from), cursor);
  const word = buffer.slice(from, cursor);
  const { candidates } = completion;
  const [only] = candidates;
  if (only !== undefined && candidates.length === 1) {
    const space = isWholeWord(only) && buffer[cursor] !== ' ' ? ' ' : '';
    const step = splice(state, from, cursor, only + space, env);
    return only.startsWith(word) ? repaint(state, step.state, cursor, env) : step;
  }
  const prefix = longestCommonPrefix(candidates);
  if (prefix.length > word.length && prefix.startsWith(word)) {
    const step = splice(state, from, cursor, prefix, env);
    return { ...repaint(state, step.state, cursor, env), state: { ...step.state, tabbed: true } };
  }
  if (!state.tabbed || candidates.length === 0)
    return { state: { ...state, tabbed: true }, effects: [] };
  const list = formatColumns(candidates, columnsOf(env));
  return { state, effects: write(leaveLine(state, env) + list + drawLine(state, env)) };
}
