/**
 * The app's small settings in localStorage (theme, screen-reader mode, terminal history).
 * Contract: nothing here throws. Storage that is missing or blocked (a sandboxed iframe,
 * private mode) reads as nothing saved, and a write that fails is only not remembered.
 */

export type ReadableStorage = Pick<Storage, 'getItem'>;
export type WritableStorage = Pick<Storage, 'setItem'>;

/** The browser's localStorage, or undefined where reading it throws (blocked storage). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The saved text under `key`, or null when there is none or it cannot be read. */
export function readStored(storage: ReadableStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(
  storage: WritableStorage | undefined,
  key: string,
  value: string,
): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // A full or blocked storage: the setting still applies for this visit.
  }
}
