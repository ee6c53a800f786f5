/** The longest a paint is waited for (the page may be hidden while waiting), ms. */
const HIDDEN_WAIT_MS = 1000;

/**
 * Resolves after the browser has painted the next frame: work queued behind it does not hold
 * up what is on screen. A hidden page (a background tab) paints no frame: there, at once, and
 * if the page is hidden while waiting, after at most a second. Where nothing paints (Node, in
 * tests), at once.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    // A slow laptop may take a few hundred milliseconds to paint its first frame: the timer
    // is only for a page hidden meanwhile, never a race with the paint.
    const timer = setTimeout(resolve, HIDDEN_WAIT_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/**
 * Resolves when the page is next idle (after the startup's layout and paints), or after at
 * most `timeoutMs`. Where the browser has no idle callbacks (Safari), after the next paint.
 */
export function whenIdle(timeoutMs: number): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return afterNextPaint();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: timeoutMs }));
}
