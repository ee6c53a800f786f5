/** Lessons mode until lessons exist: says so plainly and lists what is planned. */
import { useTranslation } from 'react-i18next';
import { PLANNED_LESSONS } from './plannedLessons';

export function PlannedLessons() {
  const { t } = useTranslation();
  return (
    <div className="prose-panel">
      <p className="font-semibold">{t('lessons.notYet')}</p>
      <p>{t('lessons.notYetDetail')}</p>
      <h3>{t('lessons.plannedTitle')}</h3>
      <ol className="list-decimal space-y-0.5 pl-6">
        {PLANNED_LESSONS.map((id) => (
          <li key={id}>{t(`lessons.planned.${id}`)}</li>
        ))}
      </ol>
      <p>{t('lessons.sandboxHint')}</p>
    </div>
  );
}
