/**
 * The tag field, the Build button and the command it will type into the terminal. Contract:
 * the caller says why a build cannot start now (`blocked`); the button is then disabled and the
 * reason is shown beside it and read with it, so nobody is left with a dead button.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagProblem } from './buildCommand';
import { TEXT_FIELD } from './fieldStyle';

export type BuildBlock = 'noDockerfile' | 'errors' | 'busy' | TagProblem;

interface Props {
  readonly tag: string;
  readonly onTagChange: (tag: string) => void;
  readonly command: string;
  readonly blocked: BuildBlock | null;
  readonly onBuild: () => void;
}

/** The one filled button of the view: the action the whole editor leads to. */
const PRIMARY =
  'rounded-md border border-sky-800 bg-sky-800 px-3 py-1 font-semibold text-white hover:bg-sky-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-600 dark:border-sky-300 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200 dark:focus-visible:outline-sky-300 dark:disabled:border-slate-600 dark:disabled:bg-slate-800 dark:disabled:text-slate-300';

export function BuildControls({ tag, onTagChange, command, blocked, onBuild }: Props) {
  const { t } = useTranslation();
  const tagId = useId();
  const reasonId = useId();
  const commandId = useId();
  const tagBad = blocked === 'empty' || blocked === 'characters';
  return (
    <div className="flex flex-col gap-1.5 border-t border-slate-200 pt-2 text-sm dark:border-slate-700">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={tagId} className="text-xs font-semibold">
          {t('build.tag')}
        </label>
        <input
          id={tagId}
          value={tag}
          onChange={(event) => onTagChange(event.target.value)}
          spellCheck="false"
          autoComplete="off"
          aria-invalid={tagBad}
          aria-describedby={tagBad ? reasonId : undefined}
          className={`${TEXT_FIELD} w-32`}
        />
        <button
          type="button"
          onClick={onBuild}
          disabled={blocked !== null}
          aria-describedby={blocked ? reasonId : commandId}
          className={PRIMARY}
        >
          {t('build.build')}
        </button>
        <code id={commandId} className="text-muted min-w-0 truncate font-mono text-xs">
          {command}
        </code>
      </div>
      {blocked && (
        <p
          id={reasonId}
          className={`text-xs ${blocked === 'busy' ? 'text-muted' : 'text-red-800 dark:text-red-300'}`}
        >
          {t(`build.blocked.${blocked}`)}
        </p>
      )}
    </div>
  );
}
