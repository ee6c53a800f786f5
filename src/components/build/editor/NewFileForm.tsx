/**
 * "New file": a small form that adds an empty file to the build context. Contract: the name is
 * checked here (a plain relative path under /root/app, see fileNameProblem) and only a valid
 * one reaches `onCreate`, as the file's absolute path. Escape or Cancel closes the form and
 * gives focus back to the button that opened it.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTEXT_DIR, fileNameProblem, type FileNameProblem } from './contextFiles';
import { TEXT_FIELD } from './fieldStyle';

interface Props {
  readonly files: Readonly<Record<string, string>>;
  readonly onCreate: (path: string) => void;
}

export function NewFileForm({ files, onCreate }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<FileNameProblem | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const problemId = useId();
  const formId = useId();

  const close = () => {
    setOpen(false);
    setName('');
    setProblem(null);
    opener.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = fileNameProblem(name, files);
    setProblem(found);
    if (found) return;
    onCreate(`${CONTEXT_DIR}/${name.trim()}`);
    close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="btn text-xs"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('build.newFile.open')}
      </button>
      {open && (
        <form
          id={formId}
          onSubmit={submit}
          aria-label={t('build.newFile.form')}
          className="flex w-full flex-wrap items-center gap-1.5 text-xs"
        >
          <label htmlFor={inputId}>{t('build.newFile.name', { dir: CONTEXT_DIR })}</label>
          <input
            id={inputId}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setProblem(null);
            }}
            // The form opens on request, so moving focus into it is what the user asked for.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            spellCheck="false"
            autoComplete="off"
            onKeyDown={onKeyDown}
            aria-invalid={problem !== null}
            aria-describedby={problem ? problemId : undefined}
            placeholder="server.js"
            className={`${TEXT_FIELD} min-w-0 flex-1`}
          />
          <button type="submit" className="btn text-xs">
            {t('build.newFile.create')}
          </button>
          <button type="button" className="btn text-xs" onClick={close}>
            {t('build.newFile.cancel')}
          </button>
          {problem && (
            <p id={problemId} role="alert" className="w-full text-red-800 dark:text-red-300">
              {t(`build.newFile.problems.${problem}`)}
            </p>
          )}
        </form>
      )}
    </>
  );
}
