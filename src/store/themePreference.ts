/**
 * The theme the user chose, kept in localStorage between visits.
 * Contract: loading never throws. A missing, unknown or unreadable value (corrupt entry,
 * storage blocked in a sandboxed iframe, private mode) means "system".
 */

import { readStored, writeStored, type ReadableStorage, type WritableStorage } from './storage';

export { browserStorage } from './storage';

export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** The media query that says the system prefers dark. */
export const PREFERS_DARK = '(prefers-color-scheme: dark)';

/** The two looks the page can actually have once "system" is resolved. */
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'docker-anatomy.theme';

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function loadThemePreference(storage: ReadableStorage | undefined): ThemePreference {
  const stored = readStored(storage, THEME_STORAGE_KEY);
  return isThemePreference(stored) ? stored : 'system';
}

/** Saves the choice; a full or blocked storage only means it is not remembered. */
export function saveThemePreference(storage: WritableStorage | undefined, theme: ThemePreference) {
  writeStored(storage, THEME_STORAGE_KEY, theme);
}

export function resolveTheme(
  preference: ThemePreference,
  systemPrefersDark: boolean,
): ResolvedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}
