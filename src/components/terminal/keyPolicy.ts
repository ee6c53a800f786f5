/**
 * Which keys the terminal takes and which it leaves to the browser. Contract: pure; decides
 * from the key and its modifiers only. xterm.js would otherwise swallow every Ctrl and Alt
 * combination (Ctrl-R reload, Ctrl-F find, Ctrl-+ zoom, Alt-Left back, F5), though the line
 * editor binds only a few of them; and it traps Tab, so Escape leaves the terminal (WCAG
 * 2.1.2), as does Shift-Tab. Tab itself is taken only when there is something to complete:
 * on an empty line it moves on through the page, so tabbing past the terminal just works.
 */

export type KeyAction =
  /** xterm.js turns the key into input for the line editor. */
  | 'terminal'
  /** Not the terminal's: the browser's default happens (copy, paste, shortcuts, focus). */
  | 'browser'
  /** Escape: focus leaves the terminal, so the next Tab goes on through the page. */
  | 'leave'
  /** Ctrl-Shift-C: copy the selection ourselves (the browser would open its inspector). */
  | 'copy';

export type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>;

/**
 * Ctrl + these letters are line-editing keys (see keys.ts). readline's Ctrl-B/F/N/P/H are left
 * out on purpose: the arrows and Backspace do the same, and the browser's find, print and
 * history keep working while the terminal has focus.
 */
const CTRL_LETTERS = new Set(['a', 'c', 'd', 'e', 'k', 'l', 'u', 'w']);

export interface TerminalState {
  /** Text is selected in the terminal (Ctrl-C copies it rather than interrupting). */
  readonly hasSelection: boolean;
  /** A line is being typed, so Tab would complete it. */
  readonly canComplete: boolean;
}

export function keyAction(event: KeyInfo, { hasSelection, canComplete }: TerminalState): KeyAction {
  const { key, ctrlKey, altKey, metaKey, shiftKey } = event;
  // A typed character wins: AltGr (Ctrl+Alt on Windows) and Option on a Mac produce text.
  if (key.length === 1 && !metaKey && (!ctrlKey || altKey)) return 'terminal';
  if (metaKey || altKey) return 'browser';
  if (key === 'Escape' && !ctrlKey) return 'leave';
  if (key === 'Tab') return canComplete && !shiftKey && !ctrlKey ? 'terminal' : 'browser';
  if (/^F\d+$/.test(key)) return 'browser';
  if (!ctrlKey) return 'terminal';
  const letter = key.toLowerCase();
  if (letter === 'c' && shiftKey) return 'copy';
  // With text selected, Ctrl-C copies it (the browser's copy, which xterm.js answers).
  if (letter === 'c' && hasSelection) return 'browser';
  if (shiftKey) return 'browser';
  if (CTRL_LETTERS.has(letter) || key === 'ArrowLeft' || key === 'ArrowRight') return 'terminal';
  // Ctrl-V pastes through the browser's paste event, which xterm.js turns into input.
  return 'browser';
}
