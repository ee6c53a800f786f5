/**
 * The lessons, in the order a course takes them, each checked by the schema when the module
 * loads (a broken lesson fails loudly here and in the tests, never half-played).
 */
import { containerdCrash } from './lessons/containerdCrash';
import { daemonless } from './lessons/daemonless';
import { signals } from './lessons/signals';
import { parseLesson, type Lesson, type LessonInput } from './schema';

function checked(lesson: LessonInput): Lesson {
  const parsed = parseLesson(lesson);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lesson;
}

export const LESSONS: readonly Lesson[] = [signals, daemonless, containerdCrash].map(checked);

export {
  parseLesson,
  type Lesson,
  type LessonInput,
  type LessonStep,
  type LessonTask,
  type RunItem,
} from './schema';
export { evaluate, type Verdict } from './checks';
