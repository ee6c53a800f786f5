/**
 * The learner's progress through the lessons, kept in the browser and in a file they can
 * export and import: per lesson, the step reached, the tasks passed (with the commands it
 * took, when the learner did it alone) and whether it was finished.
 *
 * Contract: nothing read from storage or a file is trusted. It is checked against a versioned
 * schema; anything that does not match (damaged, edited, from another version) is refused as
 * a whole with a reason, and the caller starts clean and says so. Lesson ids that no longer
 * exist are kept (a later version may bring them back) but never shown.
 *
 * The checks live in progressCheck.ts, with the schema library, loaded when there is something
 * to check: a first visit has no saved progress, and its first screen does without them.
 */
import { browserStorage, readStored } from '../storage';
import type { LessonProgress, Progress } from './progressCheck';

export type { LessonProgress, Progress, ProgressRead } from './progressCheck';

export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = 'docker-anatomy.progress.v1';
/** Far above any honest file: a bigger one is refused before it is parsed. */
export const PROGRESS_MAX_BYTES = 256 * 1024;

export const EMPTY_PROGRESS: Progress = { app: 'docker-anatomy', version: 1, lessons: {} };
export const EMPTY_LESSON: LessonProgress = { step: 0, passed: [], commands: {}, completed: false };

export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress, null, 2);
}

export function lessonProgress(progress: Progress, id: string): LessonProgress {
  return Object.hasOwn(progress.lessons, id)
    ? (progress.lessons[id] ?? EMPTY_LESSON)
    : EMPTY_LESSON;
}

export function updateLesson(
  progress: Progress,
  id: string,
  change: (lesson: LessonProgress) => LessonProgress,
): Progress {
  return {
    ...progress,
    lessons: { ...progress.lessons, [id]: change(lessonProgress(progress, id)) },
  };
}

/**
 * The progress saved in this browser, checked if there is any (loading the checks only then).
 * Unreadable progress is replaced by a clean one, and `problem` says why.
 */
export async function readSavedProgress(): Promise<{
  progress: Progress;
  problem: string | null;
}> {
  if (readStored(browserStorage(), PROGRESS_KEY) === null)
    return { progress: EMPTY_PROGRESS, problem: null };
  const { loadSavedProgress } = await import('./progressCheck');
  return loadSavedProgress();
}

/** Checks the progress saved in this browser: why it was unreadable, or null. */
export async function checkSavedProgress(): Promise<string | null> {
  return (await readSavedProgress()).problem;
}
