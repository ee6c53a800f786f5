/**
 * Whether the terminal runs in screen-reader mode, kept in localStorage between visits.
 * Contract: loading never throws; anything but a saved "on" (missing, corrupt, blocked
 * storage) means off, the terminal's normal mode.
 */

export const SCREEN_READER_STORAGE_KEY = 'docker-anatomy.terminal.screenReader';

export function loadScreenReaderMode(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(SCREEN_READER_STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Saves the choice; a full or blocked storage only means it is not remembered. */
export function saveScreenReaderMode(storage: Pick<Storage, 'setItem'> | undefined, on: boolean) {
  try {
    storage?.setItem(SCREEN_READER_STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Nothing to do: the mode still applies for this visit.
  }
}
