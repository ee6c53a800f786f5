/**
 * The theme the page shows now: the user's choice, or the system's while they chose "system".
 * Follows `prefers-color-scheme` live, so a teacher's OS switching to dark at dusk is honoured.
 */
import { useUiStore } from '../../store/uiStore';
import { resolveTheme, type ResolvedTheme } from '../../store/themePreference';
import { PREFERS_DARK, useMediaQuery } from './useMediaQuery';

export function useResolvedTheme(): ResolvedTheme {
  const preference = useUiStore((state) => state.theme);
  const systemPrefersDark = useMediaQuery(PREFERS_DARK);
  return resolveTheme(preference, systemPrefersDark);
}
