/**
 * Lessons mode in the narration panel: the list of lessons, or the lesson being taken (its
 * player is loaded the first time a lesson starts), under any notice about saved progress.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessonStore } from '../../store/lessons/lessonStore';
import { LessonList } from './LessonList';
import { StoredNotices } from './StoredNotice';

const LessonPlayer = lazy(() => import('./LessonPlayer'));

export function LessonsPanel() {
  const { t } = useTranslation();
  const view = useLessonStore((s) => s.view);
  const opening = useLessonStore((s) => s.opening);
  // A lesson being opened, or its player's chunk still coming: the same words either way.
  const preparing = <p className="text-muted">{t('lessons.preparing')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <StoredNotices />
      {view ? (
        <Suspense fallback={preparing}>
          <LessonPlayer view={view} />
        </Suspense>
      ) : opening ? (
        preparing
      ) : (
        <LessonList />
      )}
    </div>
  );
}
