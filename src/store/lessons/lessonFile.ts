/**
 * A lesson file the learner opens (or an embedding page posts): read as JSON, checked by the
 * lesson schema, then rehearsed headless like the built-in lessons.
 *
 * Contract: `checkLessonText` never throws on any text; it gives the lesson, or one reason a
 * lesson author can act on. The schema (zod) and the stage are fetched with the first file.
 */
import type { Lesson } from '../../scenarios';
import { parseJsonText } from '../savedJson';
import { lessonStage } from './stageLoader';

/** A lesson file bigger than this is refused unread. */
export const LESSON_MAX_BYTES = 512 * 1024;

const UNREACHABLE =
  'the simulation could not be loaded to check it (check the connection and reload)';

export async function checkLessonText(
  text: string,
): Promise<{ ok: true; lesson: Lesson } | { ok: false; reason: string }> {
  const read = parseJsonText(text, LESSON_MAX_BYTES, 'the file is too large');
  if (!read.ok) return read;
  // The schema (zod) comes with the first lesson file: the built-in lessons do not need it.
  const schema = await import('../../scenarios/schema').catch(() => null);
  if (!schema) return { ok: false, reason: UNREACHABLE };
  const parsed = schema.parseLesson(read.json);
  if (!parsed.ok) return { ok: false, reason: parsed.error };
  const rehearsed = await lessonStage().then(
    (loaded) => loaded.rehearsalProblem(parsed.lesson),
    () => UNREACHABLE,
  );
  if (rehearsed !== null) return { ok: false, reason: rehearsed };
  return { ok: true, lesson: parsed.lesson };
}
