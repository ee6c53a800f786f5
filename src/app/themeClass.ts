/**
 * Puts the resolved theme on <html>: the `dark` class drives Tailwind's `dark:` variant, and
 * `color-scheme` makes native controls (select, scrollbars) match.
 */
import type { ResolvedTheme } from '../store/themePreference';

export function applyThemeClass(root: HTMLElement, theme: ResolvedTheme) {
  root.classList.toggle('dark', theme === 'dark');
  root.classList.toggle('light', theme === 'light');
  root.style.colorScheme = theme;
}
