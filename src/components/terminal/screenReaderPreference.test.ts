import { describe, expect, it } from 'vitest';
import {
  loadScreenReaderMode,
  saveScreenReaderMode,
  SCREEN_READER_STORAGE_KEY,
} from './screenReaderPreference';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    items,
  };
}

describe('screen reader preference', () => {
  it('reads back what was saved', () => {
    const storage = memoryStorage();
    saveScreenReaderMode(storage, true);
    expect(storage.items.get(SCREEN_READER_STORAGE_KEY)).toBe('on');
    expect(loadScreenReaderMode(storage)).toBe(true);
    saveScreenReaderMode(storage, false);
    expect(loadScreenReaderMode(storage)).toBe(false);
  });

  it.each([null, '', 'true', '{"broken', 'ON'])('is off for %j', (stored) => {
    const storage = memoryStorage(stored === null ? {} : { [SCREEN_READER_STORAGE_KEY]: stored });
    expect(loadScreenReaderMode(storage)).toBe(false);
  });

  it('survives storage that throws or is missing', () => {
    const throwing = {
      getItem: (): string | null => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(loadScreenReaderMode(throwing)).toBe(false);
    expect(() => saveScreenReaderMode(throwing, true)).not.toThrow();
    expect(loadScreenReaderMode(undefined)).toBe(false);
  });
});
