/**
 * Resolves after the browser has painted the next frame, or after 100 ms (a hidden page, as
 * in a background tab, paints none): work queued behind it does not hold up what is on screen.
 * Where nothing paints (Node, in tests), at once.
 */
export function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
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
