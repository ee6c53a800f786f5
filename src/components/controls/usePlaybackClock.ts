/**
 * Drives playback: while playing, the cursor moves one step every STEP_MS / speed. At the end
 * of the trace it waits (the view is live); new inputs extend the trace and it moves on, the
 * first new step at once when the last one has been on screen for a whole step already (Enter
 * on a command draws its first message in the next frame, not 700 ms later).
 * While live, virtual time follows the wall clock when something is due (a restart back-off,
 * a program that ends), so the host keeps living between commands.
 */
import { useEffect, useRef } from 'react';
import { isAtEnd, STEP_MS } from '../../store/playback';
import { useSessionStore } from '../../store/sessionStore';

const LIVE_TICK_MS = 250;

export function usePlaybackClock(): void {
  const playing = useSessionStore((s) => s.playing);
  const cursor = useSessionStore((s) => s.cursor);
  const speed = useSessionStore((s) => s.speed);
  const revision = useSessionStore((s) => s.revision);
  const sim = useSessionStore((s) => s.sim);
  const atEnd = isAtEnd(sim.trace, cursor);
  // When the cursor last moved: a step shows for STEP_MS / speed from then, not from whenever
  // the trace last grew. (Declared first: effects run in order, so the timer below reads it.)
  const shownSince = useRef(0);
  useEffect(() => {
    shownSince.current = performance.now();
  }, [cursor]);

  useEffect(() => {
    if (!playing || atEnd) return;
    const shown = performance.now() - shownSince.current;
    const timer = window.setTimeout(
      () => useSessionStore.getState().stepForward(),
      Math.max(0, STEP_MS / speed - shown),
    );
    return () => window.clearTimeout(timer);
  }, [playing, atEnd, cursor, speed, revision]);

  useEffect(() => {
    if (!playing || !atEnd) return;
    const timer = window.setInterval(() => {
      const state = useSessionStore.getState();
      if (state.sim.host.nextTimerDue() !== null) state.idle(LIVE_TICK_MS * state.speed);
    }, LIVE_TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, atEnd]);
}
