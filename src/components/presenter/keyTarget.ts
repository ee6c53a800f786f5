/**
 * What a key press landed on, as presenterKeys.ts needs to know it: something that types, a
 * widget that moves with arrow keys, a button, or the page. Contract: reads only the element
 * and its ancestors (roles and tags), so a key in the terminal (xterm), the Dockerfile editor
 * (CodeMirror) or any open dialog is never taken for a presenter key.
 */
import type { KeyTarget } from './presenterKeys';

/** Inputs that take typing; the others (checkbox, radio, range, buttons) are controls. */
const TEXT_INPUT =
  'input:not([type=checkbox],[type=radio],[type=range],[type=button],[type=submit],[type=reset],[type=color],[type=file])';
const TEXT = `${TEXT_INPUT}, textarea, select, [contenteditable]:not([contenteditable=false]), .xterm, .cm-editor, dialog, [role="dialog"]`;
const WIDGET =
  'input[type=radio], input[type=range], [role="slider"], [role="separator"], [role="tree"], [role="grid"], [role="listbox"], [role="menu"], [role="menubar"], [role="tablist"], [role="radiogroup"], [role="spinbutton"], [role="combobox"]';
const BUTTON =
  'button, a[href], summary, input, [role="button"], [role="checkbox"], [role="switch"]';

export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof Element)) return 'page';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  if (target.closest(TEXT)) return 'text';
  if (target.closest(WIDGET)) return 'widget';
  if (target.closest(BUTTON)) return 'button';
  return 'page';
}
