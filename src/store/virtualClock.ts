/**
 * A clock that lets a cluster's virtual time pass while its view is open: every TICK_MS of
 * wall clock it calls `tick` (which lets TICK_MS x speed of virtual time pass). A chain of
 * timeouts, not an interval: when a tick takes longer than TICK_MS (a big cluster
 * converging), the next waits its turn instead of queueing behind it, so the page keeps
 * painting; virtual time then runs slower than the wall clock.
 */

/** Wall-clock ms between clock ticks. */
export const TICK_MS = 100;
/** The least wall-clock gap between two ticks, so a slow tick still leaves frames to paint. */
const MIN_GAP_MS = 16;

export interface VirtualClock {
  start(): void;
  stop(): void;
}

export function virtualClock(tick: () => void): VirtualClock {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    const started = performance.now();
    tick();
    const spent = performance.now() - started;
    timer = setTimeout(step, Math.max(MIN_GAP_MS, TICK_MS - spent));
  };
  return {
    start: () => {
      if (timer === null) timer = setTimeout(step, TICK_MS);
    },
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
