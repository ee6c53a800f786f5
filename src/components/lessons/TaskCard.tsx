/**
 * The step's task: its goal, where it stands (waiting, the solution being typed, passed with
 * the commands it took against par), hints one at a time, what the check still misses (on
 * request) and "show me".
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonTask } from '../../scenarios';
import type { PlayerView } from '../../store/lessons/lessonStore';
import { useLessonStore } from '../../store/lessons/lessonStore';
import { LessonMarkdown } from './LessonMarkdown';

const BUTTON = 'btn px-2 py-0.5 text-sm';

export function TaskCard({ task, view }: { task: LessonTask; view: PlayerView }) {
  const { t } = useTranslation();
  const send = useLessonStore((s) => s.send);
  const headingId = useId();
  const [askedMissing, setAskedMissing] = useState(false);
  const { phase, context } = view;
  const passed = phase === 'passed';
  const status = passed
    ? context.watched
      ? t('lessons.passedWatched')
      : task.par !== undefined
        ? t('lessons.passedPar', { count: context.commands, par: task.par })
        : t('lessons.passedNoPar', { count: context.commands })
    : phase === 'showing'
      ? t('lessons.showing')
      : t('lessons.waiting');
  return (
    <section
      aria-labelledby={headingId}
      className={`flex flex-col gap-1.5 rounded border-2 p-2 ${
        passed ? 'border-emerald-700 dark:border-emerald-400' : 'border-sky-700 dark:border-sky-400'
      }`}
    >
      <h4 id={headingId} className="!mt-0">
        {passed ? `✓ ${t('lessons.passed')}` : t('lessons.taskHeading')}
      </h4>
      <div className="font-semibold">
        <LessonMarkdown text={task.goal} />
      </div>
      {/* Not a live region: the player announces the pass once, in the app's live region. */}
      <p className="text-sm">{status}</p>
      {context.hints > 0 && (
        <div>
          <h5 className="text-sm font-semibold">{t('lessons.hintsHeading')}</h5>
          <ol className="list-decimal pl-5 text-sm">
            {task.hints.slice(0, context.hints).map((hint, index) => (
              <li key={index}>
                <LessonMarkdown text={hint} inline />
              </li>
            ))}
          </ol>
        </div>
      )}
      {askedMissing && !passed && context.missing && (
        <p className="text-sm">{t('lessons.missing', { missing: context.missing })}</p>
      )}
      {!passed && (
        <div className="flex flex-wrap gap-1.5">
          {context.hints < task.hints.length && (
            <button type="button" className={BUTTON} onClick={() => send({ type: 'HINT' })}>
              {t('lessons.hint', { shown: context.hints + 1, total: task.hints.length })}
            </button>
          )}
          <button type="button" className={BUTTON} onClick={() => setAskedMissing(true)}>
            {t('lessons.missingButton')}
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={phase === 'showing'}
            onClick={() => send({ type: 'SHOW_ME' })}
          >
            {t('lessons.showMe')}
          </button>
        </div>
      )}
    </section>
  );
}
