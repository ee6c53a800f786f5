/**
 * Which mounted presenter toggle runs presenter mode. Contract: the toggle may be placed more
 * than once (the header, the playback bar); only the first one mounted (`useIsPresenterOwner`
 * true) draws the banner, the blank screen and the help, and listens to the keys, so a key
 * never steps twice.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

const owners: symbol[] = [];
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useIsPresenterOwner(): boolean {
  const [id] = useState(() => Symbol('presenter toggle'));
  useEffect(() => {
    owners.push(id);
    changed();
    return () => {
      owners.splice(owners.indexOf(id), 1);
      changed();
    };
  }, [id]);
  return useSyncExternalStore(
    subscribe,
    () => owners[0] === id,
    () => false,
  );
}
