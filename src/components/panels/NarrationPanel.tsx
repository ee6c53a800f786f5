/**
 * Narration: in Sandbox mode an introduction to what the diagram shows; in Lessons mode the
 * honest note that lessons are still to come. Lesson steps will be narrated here.
 */
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/uiStore';
import { PlannedLessons } from './PlannedLessons';

const INTRO_PARAGRAPHS = ['host', 'client', 'daemon', 'explore'] as const;

export function NarrationPanel() {
  const { t } = useTranslation();
  const mode = useUiStore((state) => state.mode);
  if (mode === 'lessons') return <PlannedLessons />;
  return (
    <div className="prose-panel">
      <h3>{t('narration.introTitle')}</h3>
      {INTRO_PARAGRAPHS.map((id) => (
        <p key={id}>{t(`narration.intro.${id}`)}</p>
      ))}
      <p className="text-muted">{t('narration.comingNext')}</p>
    </div>
  );
}
