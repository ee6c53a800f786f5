/**
 * Whether a CSS media query matches, updated live (system theme, reduced motion, width).
 * Built on useSyncExternalStore so every reader sees the same value in the same render.
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const getSnapshot = () => window.matchMedia(query).matches;
  return useSyncExternalStore(subscribe, getSnapshot, () => false);
}

export { PREFERS_DARK } from '../../store/themePreference';
