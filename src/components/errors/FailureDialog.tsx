/**
 * The simulation failure dialog (mounted by SimulationFailure.tsx once a simulation has
 * failed). When a simulation throws (src/store/simFailure.ts), which is a bug of ours, it says
 * so plainly (not the learner's fault), shows the error and the input it failed on, and the
 * report for the developers (the error, the command log and, for the host, a link that replays
 * it) in a read-only field to select, or to copy with one button. It offers the two ways on:
 * restore the session from its log (the failing input left out), or start a clean session.
 *
 * Contract: a native modal <dialog> with role alertdialog, so focus stays inside it; it opens
 * with focus on "Restore" (on "Start a clean session" when restoring failed too). Escape does
 * not close it: the failed world takes no input until the learner chooses, so choosing is what
 * closes it. Several failures (one per world) are shown one after another.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useSimFailureStore, type SimFailure } from '../../store/simFailure';
import { failureLogLines, failurePermalink } from '../../store/simFailureReport';
import { useModalDialog } from '../hooks/useModalDialog';
import { writeClipboard } from '../hooks/writeClipboard';

/** The report as one text: what the field shows and "Copy report" copies. */
function reportText(failure: SimFailure, t: TFunction): string {
  const world = t(`errors.simFailure.worlds.${failure.source.world}`);
  const fragment = failurePermalink(failure);
  const lines = failureLogLines(failure);
  return [
    t('errors.simFailure.report.heading'),
    t('errors.simFailure.report.world', { world }),
    t('errors.simFailure.report.error', { message: failure.message }),
    ...(failure.stack ? [t('errors.simFailure.report.stack'), failure.stack] : []),
    '',
    fragment
      ? t('errors.simFailure.report.permalink', {
          url: `${window.location.origin}${window.location.pathname}${fragment}`,
        })
      : t('errors.simFailure.report.noPermalink'),
    '',
    t('errors.simFailure.report.options'),
    JSON.stringify(failure.source.options),
    '',
    t('errors.simFailure.report.log', { count: lines.length }),
    // One input a line: its label to read, its logged JSON to replay.
    ...lines.map(
      (line) => `${line.failed ? '!' : ' '} ${line.number}\t${line.label}\t${line.json}`,
    ),
  ].join('\n');
}

export default function FailureDialog() {
  const { t } = useTranslation();
  const failure = useSimFailureStore((s) => s.failures[0] ?? null);
  const restore = useSimFailureStore((s) => s.restore);
  const startClean = useSimFailureStore((s) => s.startClean);
  const ref = useModalDialog(failure !== null);
  const titleId = useId();
  const textId = useId();
  const reportId = useId();
  const restoreHintId = useId();
  const cleanHintId = useId();
  const restoreRef = useRef<HTMLButtonElement>(null);
  const cleanRef = useRef<HTMLButtonElement>(null);
  const reportRef = useRef<HTMLTextAreaElement>(null);
  /** What "Copy report" did, for the failure shown when it was pressed. */
  const [copied, setCopied] = useState<{ id: number; ok: boolean } | null>(null);

  const id = failure?.id;
  const restoreFailed = failure?.restoreError != null;
  // After the dialog opened (useModalDialog's effect runs first): the way on that is left.
  useEffect(() => {
    if (id === undefined) return;
    (restoreFailed ? cleanRef : restoreRef).current?.focus();
  }, [id, restoreFailed]);

  const report = useMemo(() => (failure ? reportText(failure, t) : ''), [failure, t]);
  const lines = useMemo(() => (failure ? failureLogLines(failure) : []), [failure]);
  const failedLine = lines.find((line) => line.failed);

  const copy = async (shown: SimFailure) => {
    const ok = await writeClipboard(report);
    setCopied({ id: shown.id, ok });
    if (!ok) {
      // Copying by hand is what is left: the report is there, focused and selected.
      reportRef.current?.focus();
      reportRef.current?.select();
    }
  };
  const copyState = failure && copied?.id === failure.id ? copied : null;

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      // The world stays stopped until a choice is made: Escape does not dismiss that.
      onCancel={(event) => event.preventDefault()}
      onClose={() => {
        // A browser may close it anyway (a second Escape): it comes back while still needed.
        if (useSimFailureStore.getState().failures.length > 0) ref.current?.showModal();
      }}
      className="m-auto max-h-[95dvh] w-[min(48rem,95vw)] overflow-auto rounded-lg border border-slate-400 bg-white p-4 text-slate-900 backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      {failure && (
        <div className="flex flex-col gap-3 text-sm">
          <h2 id={titleId} className="text-base font-semibold">
            {t('errors.simFailure.title')}
          </h2>
          <p id={textId}>
            {t('errors.simFailure.notYourFault', {
              world: t(`errors.simFailure.worlds.${failure.source.world}`),
            })}
          </p>
          <p>
            <span className="font-semibold">{t('errors.simFailure.error')}: </span>
            <code className="break-words">{failure.message}</code>
          </p>
          <p>
            {failedLine
              ? t('errors.simFailure.failedOn', {
                  number: failedLine.number,
                  total: lines.length,
                  label: failedLine.label,
                })
              : t('errors.simFailure.failedBeforeLog')}
          </p>
          {failure.restoreError !== null && (
            <p role="alert" className="font-semibold">
              {t('errors.simFailure.restoreFailed', { message: failure.restoreError })}
            </p>
          )}
          <label htmlFor={reportId} className="font-semibold">
            {t('errors.simFailure.reportLabel')}
          </label>
          <textarea
            ref={reportRef}
            id={reportId}
            readOnly
            rows={10}
            spellCheck="false"
            value={report}
            className="w-full resize-y rounded border border-slate-400 bg-white p-1 font-mono text-xs whitespace-pre dark:bg-slate-900"
          />
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn px-2 py-1" onClick={() => void copy(failure)}>
              {t('errors.simFailure.copy')}
            </button>
            <p role="status" className="text-xs">
              {copyState
                ? copyState.ok
                  ? t('errors.simFailure.copied')
                  : t('errors.simFailure.copyRefused')
                : ''}
            </p>
          </div>
          <div className="flex flex-wrap gap-4 border-t border-slate-300 pt-3 dark:border-slate-600">
            {failure.restoreError === null && (
              <div className="flex max-w-xs flex-col gap-1">
                <button
                  ref={restoreRef}
                  type="button"
                  className="btn px-2 py-1 font-semibold"
                  aria-describedby={restoreHintId}
                  onClick={() => restore(failure.id)}
                >
                  {t('errors.simFailure.restore')}
                </button>
                <p id={restoreHintId} className="text-muted text-xs">
                  {t('errors.simFailure.restoreHint')}
                </p>
              </div>
            )}
            <div className="flex max-w-xs flex-col gap-1">
              <button
                ref={cleanRef}
                type="button"
                className="btn px-2 py-1"
                aria-describedby={cleanHintId}
                onClick={() => startClean(failure.id)}
              >
                {t('errors.simFailure.clean')}
              </button>
              <p id={cleanHintId} className="text-muted text-xs">
                {t('errors.simFailure.cleanHint')}
              </p>
            </div>
          </div>
        </div>
      )}
    </dialog>
  );
}
