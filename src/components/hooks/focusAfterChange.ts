/**
 * Where focus goes when a view swaps its content: to `target` (a heading with tabIndex -1) if
 * focus was inside `within`, or if the learner just pressed a button that is gone now, so that
 * focus fell back to the page. Nothing moves when no one acted (a view opened by a link or by
 * an embedding page): focus is not taken from where the user left it.
 */
export function focusAfterChange(target: HTMLElement | null, within?: Element | null): void {
  if (!target) return;
  const active = document.activeElement;
  const inside = !!within && !!active && within.contains(active);
  // userActivation is missing in older browsers and in jsdom: then only `inside` counts.
  const lost =
    (!active || active === document.body) && (navigator.userActivation?.isActive ?? false);
  if (inside || lost) target.focus();
}
