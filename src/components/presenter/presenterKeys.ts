/**
 * Presenter mode's keys, as a pure mapping from a key press to what it does. Contract: no DOM
 * and no stores here; the caller says what the key landed on (`KeyTarget`) and what is on
 * screen (blank, help), and acts on the answer. Null means "not ours": the key goes on to the
 * page untouched. Clickers send PageDown/PageUp (some send arrows, or `.` / `b` for blank).
 */

export type PresenterAction =
  'next' | 'back' | 'blank' | 'unblank' | 'help' | 'closeHelp' | 'leave';

/**
 * Where the key landed, by what that element does with keys itself:
 * - `text`: typing (the terminal, an editor, a text field, a select) or a modal dialog: every
 *   key is its own;
 * - `widget`: a control that moves with arrows, Page and Space keys (a slider, a tree, a radio
 *   group, a menu, a resize handle): only blank and help are ours;
 * - `button`: a button or link, which Space and Enter activate;
 * - `page`: anything else.
 */
export type KeyTarget = 'text' | 'widget' | 'button' | 'page';

export interface KeyPress {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly target: KeyTarget;
}

export interface PresenterScreen {
  readonly blanked: boolean;
  readonly help: boolean;
}

const NEXT_KEYS = new Set([' ', 'ArrowRight', 'PageDown']);
const BACK_KEYS = new Set(['ArrowLeft', 'PageUp']);
/** PowerPoint's blank keys: clickers with a blank button send one of these. */
const BLANK_KEYS = new Set(['b', 'B', '.']);

export function presenterAction(press: KeyPress, screen: PresenterScreen): PresenterAction | null {
  // A blank screen hides the page: whatever the key, it only brings the page back.
  if (screen.blanked) return 'unblank';
  // The help dialog keeps Escape and Tab for itself (native <dialog>); `?` closes it again.
  if (screen.help) return press.key === '?' ? 'closeHelp' : null;
  if (press.altKey || press.ctrlKey || press.metaKey || press.target === 'text') return null;
  if (press.key === '?') return 'help';
  if (BLANK_KEYS.has(press.key)) return 'blank';
  if (press.target === 'widget') return null;
  if (press.key === ' ' && press.target === 'button') return null;
  if (NEXT_KEYS.has(press.key)) return 'next';
  if (BACK_KEYS.has(press.key)) return 'back';
  if (press.key === 'Escape') return 'leave';
  return null;
}

/** The keys as the help overlay lists them: key names, then the locale key of what they do. */
export const PRESENTER_KEYS = [
  ['Space · → · Page Down', 'next'],
  ['← · Page Up', 'back'],
  ['B · .', 'blank'],
  ['?', 'help'],
  ['Esc', 'leave'],
] as const;
