/**
 * Keeps the session in step with the header: choosing another era starts a fresh host of
 * that era (a different Docker, not the same one renamed).
 */
import { useEffect } from 'react';
import { useSessionStore } from '../store/sessionStore';
import { useUiStore } from '../store/uiStore';

export function useSessionSync(): void {
  useEffect(
    () =>
      useUiStore.subscribe((state, previous) => {
        // A lesson that loads a host of another era sets the era after it: nothing to reset.
        if (
          state.era !== previous.era &&
          useSessionStore.getState().sim.options.era !== state.era
        ) {
          useSessionStore.getState().reset({ era: state.era });
          useUiStore.getState().selectPart(null);
        }
      }),
    [],
  );
}
