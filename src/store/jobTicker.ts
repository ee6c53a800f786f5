/**
 * Keeps a terminal's foreground job moving: while the shell is busy (an attached run, `sleep`,
 * `kubectl delete` waiting for its pod), every JOB_TICK_MS of wall clock lets some virtual time
 * pass (`tick`) and polls the shell; the ticking stops when the job ends.
 * Contract: `tickWhileBusy()` after each line, Ctrl-C or change; idempotent while ticking.
 */

/** How often a waiting job gets virtual time (ms of wall clock). */
export const JOB_TICK_MS = 100;

export interface Pollable {
  readonly busy: boolean;
  poll(): void;
}

export function jobTicker(shell: Pollable, tick: () => void): () => void {
  let ticker: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  };
  return () => {
    if (!shell.busy) return stop();
    if (ticker !== null) return;
    ticker = setInterval(() => {
      tick();
      shell.poll();
      if (!shell.busy) stop();
    }, JOB_TICK_MS);
  };
}
