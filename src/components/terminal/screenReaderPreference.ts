/**
 * Whether the terminal runs in screen-reader mode, kept in localStorage between visits.
 * Contract: loading never throws; anything but a saved "on" (missing, corrupt, blocked
 * storage) means off, the terminal's normal mode.
 */

import {
  readStored,
  writeStored,
  type ReadableStorage,
  type WritableStorage,
} from '../../store/storage';

export const SCREEN_READER_STORAGE_KEY = 'docker-anatomy.terminal.screenReader';

export function loadScreenReaderMode(storage: ReadableStorage | undefined): boolean {
  return readStored(storage, SCREEN_READER_STORAGE_KEY) === 'on';
}

/** Saves the choice; a full or blocked storage only means it is not remembered. */
export function saveScreenReaderMode(storage: WritableStorage | undefined, on: boolean) {
  writeStored(storage, SCREEN_READER_STORAGE_KEY, on ? 'on' : 'off');
}
