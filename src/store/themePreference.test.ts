import { describe, expect, it } from 'vitest';
import {
  loadThemePreference,
  resolveTheme,
  saveThemePreference,
  THEME_STORAGE_KEY,
} from './themePreference';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

const throwing = {
  getItem: (): string | null => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
};

describe('theme preference', () => {
  it('reads back what was saved', () => {
    const storage = memoryStorage();
    saveThemePreference(storage, 'dark');
    expect(storage.items.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(loadThemePreference(storage)).toBe('dark');
  });

  it.each([null, '', '{"broken', 'DARK', 'blue'])('falls back to system for %j', (stored) => {
    const storage = memoryStorage(stored === null ? {} : { [THEME_STORAGE_KEY]: stored });
    expect(loadThemePreference(storage)).toBe('system');
  });

  it('survives storage that throws or is missing', () => {
    expect(loadThemePreference(throwing)).toBe('system');
    expect(() => saveThemePreference(throwing, 'light')).not.toThrow();
    expect(loadThemePreference(undefined)).toBe('system');
  });

  it('resolves system from the media query and keeps explicit choices', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
