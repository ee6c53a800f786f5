/**
 * A built-in lesson as the player reads it: the schema's defaults filled in, without running
 * the schema when the app starts (zod and a parse of every lesson would hold up a lesson
 * link's text). The schema checks the built-in lessons in the tests instead: each one parses,
 * to exactly what this gives (lessons.test.ts), so the two cannot drift apart unseen.
 */
import type { Check, Lesson, LessonInput } from './schema';

export function withDefaults(lesson: LessonInput): Lesson {
  return {
    ...lesson,
    start: {
      world: 'host',
      managers: 3,
      workers: 2,
      era: 'modern',
      liveRestore: false,
      setup: [],
      ...lesson.start,
    },
    steps: lesson.steps.map(({ task, ...step }) =>
      task
        ? // A check is typed `unknown` as written (its schema is recursive): the tests parse it.
          { ...step, task: { hints: [], ...task, check: task.check as Check } }
        : step,
    ),
  };
}
