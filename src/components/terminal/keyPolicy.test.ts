import { describe, expect, it } from 'vitest';
import { keyAction, type KeyInfo, type TerminalState } from './keyPolicy';

const TYPING: TerminalState = { hasSelection: false, canComplete: true };
const SELECTED: TerminalState = { hasSelection: true, canComplete: true };
const EMPTY: TerminalState = { hasSelection: false, canComplete: false };

const key = (name: string, modifiers: Partial<KeyInfo> = {}): KeyInfo => ({
  key: name,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('keyAction', () => {
  it('gives the terminal typing, editing keys, Tab and the bound Ctrl letters', () => {
    for (const name of [
      'a',
      'A',
      ' ',
      '中',
      'Enter',
      'Backspace',
      'Delete',
      'ArrowUp',
      'Home',
      'Tab',
    ])
      expect(keyAction(key(name), TYPING), name).toBe('terminal');
    for (const letter of ['a', 'c', 'd', 'e', 'k', 'l', 'u', 'w', 'ArrowLeft'])
      expect(keyAction(key(letter, { ctrlKey: true }), TYPING), letter).toBe('terminal');
  });

  it('lets Escape and Shift-Tab take focus out of the terminal, and Tab on an empty line', () => {
    expect(keyAction(key('Escape'), TYPING)).toBe('leave');
    expect(keyAction(key('Tab', { shiftKey: true }), TYPING)).toBe('browser');
    expect(keyAction(key('Tab'), EMPTY)).toBe('browser');
  });

  it('copies a selection with Ctrl-C and Ctrl-Shift-C; pastes through the browser', () => {
    expect(keyAction(key('c', { ctrlKey: true }), SELECTED)).toBe('browser');
    expect(keyAction(key('C', { ctrlKey: true, shiftKey: true }), TYPING)).toBe('copy');
    expect(keyAction(key('v', { ctrlKey: true }), TYPING)).toBe('browser');
    expect(keyAction(key('V', { ctrlKey: true, shiftKey: true }), TYPING)).toBe('browser');
    expect(keyAction(key('v', { metaKey: true }), TYPING)).toBe('browser');
  });

  it('leaves browser shortcuts alone', () => {
    const shortcuts: KeyInfo[] = [
      key('r', { ctrlKey: true }),
      key('f', { ctrlKey: true }),
      key('p', { ctrlKey: true }),
      key('f', { ctrlKey: true, shiftKey: true }),
      key('t', { ctrlKey: true }),
      key('+', { ctrlKey: true }),
      key('0', { ctrlKey: true }),
      key('ArrowLeft', { altKey: true }),
      key('x', { altKey: true, metaKey: true }),
      key('F5'),
      key('F12'),
    ];
    for (const shortcut of shortcuts)
      expect(keyAction(shortcut, TYPING), JSON.stringify(shortcut)).toBe('browser');
  });

  it('types what AltGr and the Option key produce', () => {
    expect(keyAction(key('@', { ctrlKey: true, altKey: true }), TYPING)).toBe('terminal');
    expect(keyAction(key('å', { altKey: true }), TYPING)).toBe('terminal');
  });
});
