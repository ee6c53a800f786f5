/**
 * Files in and out of the lesson list: progress exported (to keep, or to carry to another
 * browser) and imported back, checked like saved progress (a wrong file changes nothing and
 * says why). Lessons of the learner's own come in through LessonSources.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLessonStore } from '../../store/lessons/lessonStore';
import { PROGRESS_MAX_BYTES } from '../../store/lessons/progress';
import { FileButton } from './FileButton';

const BUTTON = 'btn px-2 py-0.5 text-sm';
/** Any text over the limit: the store refuses it as too large. */
const TOO_LARGE = (limit: number) => ' '.repeat(limit + 1);

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ProgressFile() {
  const { t } = useTranslation();
  const headingId = useId();
  const store = useLessonStore.getState;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1">
      <h3 id={headingId}>{t('lessons.file.heading')}</h3>
      <div className="flex flex-wrap gap-1.5">
        <button
          type="button"
          className={BUTTON}
          onClick={() => download(store().exportProgress(), 'docker-anatomy-progress.json')}
        >
          {t('lessons.file.export')}
        </button>
        <FileButton
          label={t('lessons.file.import')}
          maxBytes={PROGRESS_MAX_BYTES}
          onText={(text) => store().importProgress(text ?? TOO_LARGE(PROGRESS_MAX_BYTES))}
        />
        <button
          type="button"
          className={BUTTON}
          onClick={() => {
            if (window.confirm(t('lessons.file.resetConfirm'))) store().clearProgress();
          }}
        >
          {t('lessons.file.reset')}
        </button>
      </div>
    </section>
  );
}
