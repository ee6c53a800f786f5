/**
 * The key to the task badges: each phase's symbol and border style, and when cards switch to
 * counts per service. Shown once under the machines, not on every card.
 * Contract: static apart from the translated words.
 */
import { useTranslation } from 'react-i18next';
import { AGGREGATE_OVER } from './clusterModel';
import { PHASE_SYMBOL } from './clusterText';
import { PHASE_CLASSES } from './serviceLook';
import { TASK_PHASES } from './taskPhase';

export function TaskLegend() {
  const { t } = useTranslation();
  return (
    <div className="text-muted flex flex-col gap-1 text-xs">
      <ul aria-label={t('cluster.legend.label')} className="flex flex-wrap gap-2">
        {TASK_PHASES.map((phase) => (
          <li
            key={phase}
            className={`rounded border border-slate-500 px-1 text-slate-800 dark:text-slate-200 ${PHASE_CLASSES[phase]}`}
          >
            <span aria-hidden="true">{PHASE_SYMBOL[phase]} </span>
            {t(`cluster.phase.${phase}`)}
          </li>
        ))}
      </ul>
      <p>{t('cluster.legend.note', { count: AGGREGATE_OVER })}</p>
    </div>
  );
}
