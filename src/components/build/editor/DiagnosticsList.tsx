/**
 * The Dockerfile's problems as plain text under the editor, for whoever cannot see or hover an
 * underline (a screen reader, the back row of a classroom): a summary that is announced when it
 * changes, then one line per finding ("Line 3: unknown instruction: RUNN"), each a button that
 * puts the editor's cursor on that line. Contract: renders what it is given.
 */
import { useTranslation } from 'react-i18next';
import type { PlacedDiagnostic } from './diagnostics';

interface Props {
  readonly found: readonly PlacedDiagnostic[];
  readonly onReveal: (line: number) => void;
}

const SEVERITY = {
  error: 'text-red-800 dark:text-red-300',
  warning: 'text-amber-800 dark:text-amber-300',
} as const;

export function DiagnosticsList({ found, onReveal }: Props) {
  const { t } = useTranslation();
  const errors = found.filter((d) => d.severity === 'error').length;
  const warnings = found.length - errors;
  return (
    <div className="flex flex-col gap-1 text-xs">
      <p aria-live="polite" className={errors > 0 ? SEVERITY.error : 'text-muted'}>
        {found.length === 0
          ? t('build.problems.none')
          : t('build.problems.summary', {
              errors: t('build.problems.errors', { count: errors }),
              warnings: t('build.problems.warnings', { count: warnings }),
            })}
      </p>
      {found.length > 0 && (
        <ul aria-label={t('build.problems.label')} className="flex max-h-28 flex-col overflow-auto">
          {found.map((d, index) => (
            <li key={`${d.from}-${d.to}-${index}`}>
              <button
                type="button"
                onClick={() => onReveal(d.line)}
                className="w-full rounded px-1 py-0.5 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-700 dark:hover:bg-slate-800 dark:focus-visible:outline-sky-300"
              >
                <span
                  className={`font-semibold ${SEVERITY[d.severity === 'error' ? 'error' : 'warning']}`}
                >
                  {t(d.severity === 'error' ? 'build.problems.error' : 'build.problems.warning')}
                </span>{' '}
                {t('build.problems.item', { line: d.line, message: d.message })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
