/**
 * Progress as a file: export it (to keep, or to carry to another browser) and import it back.
 * An imported file is checked like saved progress; a wrong one changes nothing and says why.
 */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_MAX_BYTES } from '../../store/lessons/progress';
import { useLessonStore } from '../../store/lessons/lessonStore';

const BUTTON = 'btn px-2 py-0.5 text-sm';

export function ProgressFile() {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();

  const exportFile = () => {
    const blob = new Blob([useLessonStore.getState().exportProgress()], {
      type: 'application/json',
    });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'docker-anatomy-progress.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const store = useLessonStore.getState();
    // Refused before reading: a huge file is not progress, and reading it would only hang.
    if (file.size > PROGRESS_MAX_BYTES) store.importProgress('x'.repeat(PROGRESS_MAX_BYTES + 1));
    else store.importProgress(await file.text());
    if (input.current) input.current.value = '';
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1">
      <h3 id={headingId}>{t('lessons.file.heading')}</h3>
      <div className="flex flex-wrap gap-1.5">
        <button type="button" className={BUTTON} onClick={exportFile}>
          {t('lessons.file.export')}
        </button>
        <button type="button" className={BUTTON} onClick={() => input.current?.click()}>
          {t('lessons.file.import')}
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => {
            if (window.confirm(t('lessons.file.resetConfirm')))
              useLessonStore.getState().clearProgress();
          }}
        >
          {t('lessons.file.reset')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('lessons.file.import')}
          onChange={(e) => void importFile(e.target.files?.[0])}
        />
      </div>
    </section>
  );
}
