/**
 * The terminal's colours and font, read from CSS custom properties (terminal.css), which take
 * them from the app's Tailwind palette for the light and the dark theme. Contract: reads the
 * computed style of one element; the caller reads again when the theme changes.
 */
import type { ITheme } from '@xterm/xterm';

/** Each xterm colour and the custom property that holds it. */
const COLOURS = [
  'background',
  'foreground',
  'cursor',
  'cursorAccent',
  'selectionBackground',
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
  'brightBlack',
  'brightRed',
  'brightGreen',
  'brightYellow',
  'brightBlue',
  'brightMagenta',
  'brightCyan',
  'brightWhite',
] as const satisfies readonly (keyof ITheme)[];

const FALLBACK_FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Colours of the theme `element` shows now; a property that is not set is left to xterm. */
export function readTerminalTheme(element: Element): ITheme {
  const style = getComputedStyle(element);
  const theme: Record<string, string> = {};
  for (const name of COLOURS) {
    const value = style.getPropertyValue(`--terminal-${kebab(name)}`).trim();
    if (value) theme[name] = value;
  }
  return theme;
}

export function readTerminalFont(element: Element): string {
  return getComputedStyle(element).getPropertyValue('--terminal-font').trim() || FALLBACK_FONT;
}
