/**
 * The course as the app fetches it: each lesson on its own, so a lesson link (an embed in a
 * slide) fetches the one it shows, not all twelve; and the whole course (index.ts) when the
 * list is shown.
 *
 * Contract: COURSE_IDS is the course's order (lessonLoaders.ts says where each lesson's chunk
 * is), and `fetchLesson(id)` resolves to a lesson equal to LESSONS' (course.test.ts);
 * `fetchLesson` of an id not in the course is null.
 */
import { withDefaults } from './builtIn';
import { loadLessonInput } from './lessonLoaders';
import type { Lesson } from './schema';

export { COURSE_IDS, isCourseLesson } from './lessonLoaders';

/** One built-in lesson, fetched on its own; null for an id that is not one. */
export function fetchLesson(id: string): Promise<Lesson> | null {
  return loadLessonInput(id)?.then(withDefaults) ?? null;
}

/** The whole course, for the list. */
export function fetchCourse(): Promise<readonly Lesson[]> {
  return import('./index').then((m) => m.LESSONS);
}
