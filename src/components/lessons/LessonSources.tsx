/**
 * Lessons of the learner's own: a lesson file opened from disk, or fetched from an address
 * they paste. Either is checked by the schema and rehearsed like the built-in lessons (the
 * store says why one is refused); this view only gathers the input and shows it is busy.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_MAX_BYTES, useLessonStore } from '../../store/lessons/lessonStore';
import { FileButton } from './FileButton';

/** Any text over the limit: the store refuses it as too large. */
const TOO_LARGE = ' '.repeat(LESSON_MAX_BYTES + 1);

export function LessonSources() {
  const { t } = useTranslation();
  const headingId = useId();
  const addressId = useId();
  const hintId = useId();
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const store = useLessonStore.getState;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const loaded = await store().loadLessonFrom(address);
    setBusy(false);
    if (loaded.ok) setAddress('');
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1">
      <h3 id={headingId}>{t('lessons.sources.heading')}</h3>
      <div>
        <FileButton
          label={t('lessons.file.loadLesson')}
          maxBytes={LESSON_MAX_BYTES}
          onText={(text) => void store().loadLesson(text ?? TOO_LARGE)}
        />
      </div>
      <form
        noValidate
        className="flex flex-wrap items-end gap-1.5"
        onSubmit={(e) => void submit(e)}
      >
        <label htmlFor={addressId} className="flex min-w-0 flex-1 flex-col text-sm">
          {t('lessons.sources.address')}
          <input
            id={addressId}
            type="url"
            inputMode="url"
            spellCheck="false"
            autoComplete="url"
            placeholder="https://example.org/lesson.json"
            aria-describedby={hintId}
            className="min-w-0 rounded border border-slate-400 bg-white px-1 py-0.5 font-mono text-sm dark:bg-slate-900"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="btn px-2 py-0.5 text-sm"
          disabled={busy || address.trim() === ''}
          aria-busy={busy}
        >
          {busy ? t('lessons.sources.opening') : t('lessons.sources.open')}
        </button>
      </form>
      <p id={hintId} className="text-xs">
        {t('lessons.sources.hint')}
      </p>
    </section>
  );
}
