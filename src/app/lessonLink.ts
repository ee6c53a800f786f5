/**
 * A lesson link (?lesson=, as an embed in a slide has): its text is the first screen, so the
 * lesson player's chunks are fetched beside the app's own (boot.ts asks for them before it
 * runs the app), not one after another once the first render asks for them.
 */
import { loadLessonInput } from '../scenarios/lessonLoaders';

export function isLessonLink(search: string): boolean {
  return new URLSearchParams(search).has('lesson');
}

/** Fetches the player, and the lesson the link names (main.tsx checks it, and warns). */
export function fetchLessonPlayer(search: string): void {
  const id = new URLSearchParams(search).get('lesson') ?? '';
  for (const chunk of [
    import('./embedLessons'),
    import('../components/lessons/LessonsPanel'),
    import('../components/lessons/LessonPlayer'),
    import('../scenarios/course'),
    loadLessonInput(id),
  ])
    chunk?.catch(() => undefined);
}
