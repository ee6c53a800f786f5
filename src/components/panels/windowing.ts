/**
 * Windowing for a long list of fixed-height rows: which rows are worth rendering at a scroll
 * position, and how far to scroll to bring one row into view. Pure arithmetic, so a list of
 * 20,000 entries renders a few dozen elements wherever it is scrolled.
 */

export interface RowWindow {
  /** First row rendered. */
  readonly start: number;
  /** One past the last row rendered. */
  readonly end: number;
}

/** The rows in sight, plus `overscan` on either side so a fast scroll shows no gap. */
export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inSight = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first - overscan, count));
  const end = Math.min(count, first + inSight + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The scroll position that brings row `index` fully into view with the least movement, or
 * null when it is already in view (so following the cursor never jolts a steady list).
 */
export function scrollToShow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  index: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
