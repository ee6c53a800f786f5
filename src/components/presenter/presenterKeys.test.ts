/** Presenter mode's keys: what each press does, by what it landed on and what is on screen. */
import { describe, expect, it } from 'vitest';
import { presenterAction, type KeyPress, type KeyTarget } from './presenterKeys';

const SHOWN = { blanked: false, help: false };

function press(key: string, target: KeyTarget = 'page', mods: Partial<KeyPress> = {}): KeyPress {
  return { key, target, altKey: false, ctrlKey: false, metaKey: false, ...mods };
}

describe('presenterAction', () => {
  it('steps forward with Space, → and Page Down, back with ← and Page Up (clicker keys)', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown'])
      expect(presenterAction(press(key), SHOWN)).toBe('next');
    for (const key of ['ArrowLeft', 'PageUp'])
      expect(presenterAction(press(key), SHOWN)).toBe('back');
  });

  it('blanks with b, B or a full stop, opens help with ?, leaves with Escape', () => {
    for (const key of ['b', 'B', '.']) expect(presenterAction(press(key), SHOWN)).toBe('blank');
    expect(presenterAction(press('?'), SHOWN)).toBe('help');
    expect(presenterAction(press('Escape'), SHOWN)).toBe('leave');
  });

  it('leaves every other key to the page', () => {
    for (const key of ['Home', '+', 'a', 'Enter', 'Tab', 'ArrowUp', 'F5'])
      expect(presenterAction(press(key), SHOWN)).toBeNull();
  });

  it('never acts while typing: terminal, text field, select, dialog', () => {
    for (const key of [' ', 'ArrowRight', 'PageDown', 'PageUp', 'b', '?', 'Escape'])
      expect(presenterAction(press(key, 'text'), SHOWN)).toBeNull();
  });

  it('leaves the arrows, Page keys, Space and Escape to widgets, but blank and help work', () => {
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Escape'])
      expect(presenterAction(press(key, 'widget'), SHOWN)).toBeNull();
    expect(presenterAction(press('b', 'widget'), SHOWN)).toBe('blank');
    expect(presenterAction(press('?', 'widget'), SHOWN)).toBe('help');
  });

  it('lets Space press a focused button; the clicker keys still step there', () => {
    expect(presenterAction(press(' ', 'button'), SHOWN)).toBeNull();
    expect(presenterAction(press('PageDown', 'button'), SHOWN)).toBe('next');
    expect(presenterAction(press('ArrowLeft', 'button'), SHOWN)).toBe('back');
  });

  it('ignores keys held with Ctrl, Alt or Meta (browser and system shortcuts)', () => {
    for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const)
      expect(presenterAction(press('ArrowRight', 'page', { [mod]: true }), SHOWN)).toBeNull();
  });

  it('on a blank screen, any key (even while typing) only brings the page back', () => {
    const blanked = { blanked: true, help: false };
    for (const key of ['a', ' ', 'PageDown', 'Escape', 'b', 'Shift'])
      expect(presenterAction(press(key), blanked)).toBe('unblank');
    expect(presenterAction(press('x', 'text', { ctrlKey: true }), blanked)).toBe('unblank');
  });

  it('with the help open, ? closes it and every other key is the dialog’s', () => {
    const help = { blanked: false, help: true };
    expect(presenterAction(press('?', 'text'), help)).toBe('closeHelp');
    for (const key of ['PageDown', 'ArrowRight', 'b', 'Escape', 'Tab'])
      expect(presenterAction(press(key, 'text'), help)).toBeNull();
  });
});
