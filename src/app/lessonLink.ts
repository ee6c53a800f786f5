/**
 * A lesson link (?lesson=, as an embed in a slide has): its text is the first screen, so the
 * lesson player's chunks are fetched beside the app's own (boot.ts asks for them before it
 * runs the app), not one after another once the first render asks for them.
 */
export function isLessonLink(search: string): boolean {
  return new URLSearchParams(search).has('lesson');
}

export function fetchLessonPlayer(): void {
  for (const chunk of [
    import('./embedLessons'),
    import('../components/lessons/LessonsPanel'),
    import('../components/lessons/LessonPlayer'),
  ])
    chunk.catch(() => undefined);
}
