/**
 * Narration: in Lessons mode the lessons (their list, or the one being taken); in Sandbox
 * mode an introduction to what the diagram shows.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { StoredNotices } from '../lessons/StoredNotice';

// The course and its player load when Lessons mode is first opened.
const LessonsPanel = lazy(() =>
  import('../lessons/LessonsPanel').then((m) => ({ default: m.LessonsPanel })),
);

const INTRO_PARAGRAPHS = ['host', 'client', 'daemon', 'explore'] as const;

export function NarrationPanel() {
  const { t } = useTranslation();
  const mode = useUiStore((state) => state.mode);
  if (mode === 'lessons')
    return (
      <Suspense fallback={<StoredNotices />}>
        <LessonsPanel />
      </Suspense>
    );
  return (
    <div className="prose-panel">
      <StoredNotices />
      <h3>{t('narration.introTitle')}</h3>
      {INTRO_PARAGRAPHS.map((id) => (
        <p key={id}>{t(`narration.intro.${id}`)}</p>
      ))}
    </div>
  );
}
