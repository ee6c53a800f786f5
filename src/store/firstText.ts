/**
 * When the first screen's text is on screen, for what is fetched and drawn after it: the
 * diagram's code and the simulation's engine. On a slow link they would otherwise hold up
 * the words a learner reads first (the introduction, or on a lesson link the lesson's step).
 *
 * Contract: `firstTextShown()` resolves once, and `diagramMayDraw()` after it. The page's first paint is the first text,
 * unless the app said before its first render that a lesson's is coming (`expectLessonText`,
 * on a lesson link with the narration panel open): then the lesson's step painted is, or the
 * lessons' list when the link names no lesson. Either way it resolves at most
 * FIRST_TEXT_WAIT_MS after the lesson was expected, so nothing waits for a text that never
 * comes (its chunks could not be fetched).
 */

import { afterNextPaint, whenIdle } from './afterNextPaint';

/** The longest the diagram and the engine wait for a lesson's text, ms. */
export const FIRST_TEXT_WAIT_MS = 3000;

/** The longest text is given to settle once painted, ms. */
const SETTLE_WAIT_MS = 500;

let mark: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  mark = resolve;
});
let lessonExpected = false;
// Where nothing paints (Node: the tests, the bridge), nothing waits.
if (typeof requestAnimationFrame !== 'function') mark();

export function firstTextShown(): Promise<void> {
  return shown;
}

/** The longest the diagram waits for a lesson link's world, once the text is shown, ms. */
export const FIRST_WORLD_WAIT_MS = 5000;

let worldReady: () => void = () => undefined;
const lessonWorld = new Promise<void>((resolve) => {
  worldReady = resolve;
});

/**
 * When the host diagram may be drawn: once the first text is shown, and on a lesson link once
 * the lesson's world is in place (`lessonWorldShown`), so that the diagram is not drawn twice,
 * first for a fresh host the lesson is about to replace; at most FIRST_WORLD_WAIT_MS after the
 * text.
 */
export function diagramMayDraw(): Promise<void> {
  if (!lessonExpected) return shown;
  return shown.then(() =>
    Promise.race([
      lessonWorld,
      new Promise<void>((resolve) => setTimeout(resolve, FIRST_WORLD_WAIT_MS)),
    ]),
  );
}

/** The lesson's world is on screen, or will not be (it could not be fetched). */
export function lessonWorldShown(): void {
  worldReady();
}

/** A lesson link: its lesson's text, not the page's first paint, is the first text. */
export function expectLessonText(): void {
  lessonExpected = true;
  setTimeout(mark, FIRST_TEXT_WAIT_MS);
}

/**
 * Text was rendered: the page's first render (`page`), a lesson's step (`lesson`), or the
 * lessons' list shown instead of a lesson the link named (`lessons`). It counts as shown once
 * painted and settled: two frames on, when the page is next idle (a panel takes a frame to
 * settle its size, and the browser another to present it on screen).
 */
export function textRendered(what: 'page' | 'lesson' | 'lessons'): void {
  if (what === 'page' && lessonExpected) return;
  // The link's lesson is not there: no world of its to wait for either.
  if (what === 'lessons') worldReady();
  void afterNextPaint()
    .then(afterNextPaint)
    .then(() => whenIdle(SETTLE_WAIT_MS))
    .then(mark);
}
