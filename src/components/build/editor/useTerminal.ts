/**
 * The app's terminal (the shell on the live session) and whether a line or a foreground job
 * holds its prompt now, for a button that types into it. Re-reads on the terminal's events and
 * on every change of the session (a job can end when the simulation moves on).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { TerminalController } from '../../../cli/shell/types';
import { useSessionStore } from '../../../store/sessionStore';
import { terminalController } from '../../../store/terminalStore';

export function useTerminal(): { controller: TerminalController; busy: boolean } {
  const controller = terminalController();
  const subscribe = useCallback(
    (notify: () => void) => {
      const stopTerminal = controller.subscribe(notify);
      const stopSession = useSessionStore.subscribe(notify);
      return () => {
        stopTerminal();
        stopSession();
      };
    },
    [controller],
  );
  const busy = useSyncExternalStore(subscribe, () => controller.busy());
  return { controller, busy };
}
