/**
 * The lessons in course order, each with its level, length, the world it plays on and the
 * learner's progress (tasks passed, completed), and one button to start, continue or take
 * it again.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../scenarios';
import { lessonProgress } from '../../store/lessons/progress';
import { useLessonStore } from '../../store/lessons/lessonStore';
import { useLessonText } from '../../i18n/lessonTexts';
import { focusAfterChange } from '../hooks/focusAfterChange';
import { LessonSources } from './LessonSources';
import { ProgressFile } from './ProgressFile';

function LessonItem({ lesson: source, index }: { lesson: Lesson; index: number }) {
  const { t } = useTranslation();
  const lesson = useLessonText(source);
  const progress = useLessonStore((s) => lessonProgress(s.progress, lesson.id));
  const start = useLessonStore((s) => s.start);
  const tasks = lesson.steps.filter((step) => step.task);
  const passed = tasks.filter((step) => progress.passed.includes(step.id)).length;
  const begun = progress.step > 0 || passed > 0;
  const action = progress.completed
    ? t('lessons.review')
    : begun
      ? t('lessons.continue', { step: progress.step + 1 })
      : t('lessons.start');
  return (
    <li className="flex flex-col gap-1 rounded border border-slate-300 p-2 dark:border-slate-600">
      <h4 className="!mt-0">
        {index + 1}. {lesson.title}
      </h4>
      <p className="text-sm">{lesson.summary}</p>
      <p className="text-muted text-xs">
        {t(`lessons.level.${lesson.level}`)} · {t('lessons.minutes', { count: lesson.minutes })} ·{' '}
        {t(`lessons.world.${lesson.start.world}`)} ·{' '}
        {progress.completed
          ? t('lessons.completed')
          : t('lessons.progress', { passed, total: tasks.length })}
      </p>
      <div>
        <button
          type="button"
          className="btn px-2 py-0.5 text-sm"
          aria-label={t('lessons.startLabel', { action, title: lesson.title })}
          onClick={() => start(lesson.id, progress.completed ? 0 : undefined)}
        >
          {action}
        </button>
      </div>
    </li>
  );
}

export function LessonList() {
  const { t } = useTranslation();
  const lessons = useLessonStore((s) => s.lessons);
  const course = useLessonStore((s) => s.course);
  // Back from a lesson ("All lessons"): the button pressed is gone, the list takes the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => focusAfterChange(heading.current), []);
  return (
    <div className="prose-panel">
      <h3
        ref={heading}
        tabIndex={-1}
        className="focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300"
      >
        {t('lessons.listTitle')}
      </h3>
      <p className="text-sm">{t('lessons.listIntro')}</p>
      {/* Loading is a moment, not news (the app's announcer has just said the mode); a
          failure is said. */}
      {course === 'loading' && <p className="text-muted text-sm">{t('lessons.courseLoading')}</p>}
      {course === 'failed' && (
        <p role="alert" className="text-sm">
          {t('lessons.courseFailed')}
        </p>
      )}
      {lessons.length > 0 && (
        <ol className="flex flex-col gap-2">
          {lessons.map((lesson, index) => (
            <LessonItem key={lesson.id} lesson={lesson} index={index} />
          ))}
        </ol>
      )}
      <LessonSources />
      <ProgressFile />
    </div>
  );
}
