/**
 * The lesson being taken (default export, loaded on first use with its Markdown renderer):
 * where it is (step n of m), the step's narration, the demo or task, its questions, and the
 * controls: back, next (or skip a task), restart the step or the lesson, keep the world as a
 * sandbox, back to all lessons. Focus moves to the step's heading when the step changes, so
 * a keyboard or screen-reader user reads on from the new step; and to the new heading when the
 * button the learner pressed is gone (Start in the list, Finish, Next lesson).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessonText } from '../../i18n/lessonTexts';
import type { PlayerView } from '../../store/lessons/lessonStore';
import { useLessonStore } from '../../store/lessons/lessonStore';
import { useUiStore } from '../../store/uiStore';
import { useAnnouncementStore } from '../../store/announcementStore';
import { textRendered } from '../../store/firstText';
import { focusAfterChange } from '../hooks/focusAfterChange';
import { LessonMarkdown } from './LessonMarkdown';
import { QuestionCard } from './QuestionCard';
import { TaskCard } from './TaskCard';

const BUTTON = 'btn px-2 py-0.5 text-sm';
const HEADING_FOCUS =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300';

function Completed({ view }: { view: PlayerView }) {
  const { t } = useTranslation();
  const lessons = useLessonStore((s) => s.lessons);
  const start = useLessonStore((s) => s.start);
  const index = lessons.findIndex((l) => l.id === view.context.lesson.id);
  const next = lessons[index + 1];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(
    () => focusAfterChange(heading.current, heading.current?.closest('[data-lesson-player]')),
    [],
  );
  return (
    <div className="flex flex-col gap-2">
      <h4 ref={heading} tabIndex={-1} className={`!mt-0 ${HEADING_FOCUS}`}>
        ✓ {t('lessons.completedTitle')}
      </h4>
      <p>{t('lessons.completedBody', { title: view.context.lesson.title })}</p>
      {next && (
        <div>
          <button type="button" className={BUTTON} onClick={() => start(next.id, 0)}>
            {t('lessons.nextLesson', { title: next.title })}
          </button>
        </div>
      )}
    </div>
  );
}

export default function LessonPlayer({ view }: { view: PlayerView }) {
  const { t } = useTranslation();
  const send = useLessonStore((s) => s.send);
  const quit = useLessonStore((s) => s.quit);
  const stageFailed = useLessonStore((s) => s.stageFailed);
  const announce = useAnnouncementStore((s) => s.announce);
  const lesson = useLessonText(view.context.lesson);
  const index = view.context.step;
  const step = lesson.steps[index];
  const heading = useRef<HTMLHeadingElement>(null);
  const { phase } = view;
  const total = lesson.steps.length;

  // The lesson's text is on screen: what waited for it (the diagram, the engine) may come.
  useEffect(() => textRendered('lesson'), []);
  // A new step: said once, and its heading takes the focus (see focusAfterChange).
  useEffect(() => {
    announce(t('lessons.announce.step', { step: index + 1, total, title: lesson.title }));
    focusAfterChange(heading.current, heading.current?.closest('[data-lesson-player]'));
  }, [index, lesson.id]); // eslint-disable-line react-hooks/exhaustive-deps
  // The pass is said here only (the task card's status is not a live region): once.
  useEffect(() => {
    if (phase === 'passed') announce(t('lessons.announce.passed'));
    if (phase === 'completed') announce(t('lessons.announce.completed'));
  }, [phase]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!step) return null;
  const busy = phase === 'preparing' || phase === 'demo';
  const inTask = phase === 'waiting' || phase === 'showing';
  const last = index === total - 1;
  return (
    <div className="prose-panel" data-lesson-player>
      <div className="flex flex-wrap items-baseline justify-between gap-1">
        <h3>{lesson.title}</h3>
        <button type="button" className={BUTTON} onClick={quit}>
          {t('lessons.allLessons')}
        </button>
      </div>
      {/* Visible, so that a sighted keyboard user sees where focus went on a new step. */}
      <h4
        ref={heading}
        tabIndex={-1}
        className={`text-muted !mt-0 text-xs !font-normal ${HEADING_FOCUS}`}
      >
        {t('lessons.stepOf', { step: index + 1, total })}
      </h4>
      {phase === 'completed' ? (
        <Completed view={{ ...view, context: { ...view.context, lesson } }} />
      ) : (
        <>
          <LessonMarkdown text={step.narration} />
          {busy && (
            <p role="status" className="text-muted text-sm italic">
              {phase === 'preparing'
                ? t(stageFailed ? 'lessons.stageFailed' : 'lessons.preparing')
                : t('lessons.demo')}
            </p>
          )}
          {step.task && !busy && <TaskCard key={index} task={step.task} view={view} />}
          {step.questions && !busy && (
            <div className="flex flex-col gap-2" key={`q${index}`}>
              <h4>{t('lessons.questionsHeading')}</h4>
              {step.questions.map((question, i) => (
                <QuestionCard key={i} question={question} />
              ))}
            </div>
          )}
        </>
      )}
      <div className="flex flex-wrap gap-1.5 border-t border-slate-300 pt-2 dark:border-slate-600">
        <button
          type="button"
          className={BUTTON}
          disabled={index === 0 && phase !== 'completed'}
          onClick={() => send({ type: 'BACK' })}
        >
          {t('lessons.back')}
        </button>
        {phase !== 'completed' && (
          <button
            type="button"
            className={BUTTON}
            disabled={busy}
            onClick={() => send({ type: 'NEXT' })}
          >
            {inTask ? t('lessons.skip') : last ? t('lessons.finish') : t('lessons.next')}
          </button>
        )}
        <button type="button" className={BUTTON} onClick={() => send({ type: 'RESTART_STEP' })}>
          {t('lessons.restartStep')}
        </button>
        <button type="button" className={BUTTON} onClick={() => send({ type: 'RESTART_LESSON' })}>
          {t('lessons.restartLesson')}
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => {
            quit();
            useUiStore.getState().setMode('sandbox');
          }}
        >
          {t('lessons.openSandbox')}
        </button>
      </div>
    </div>
  );
}
