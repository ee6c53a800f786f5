/**
 * The `?` help of presenter mode: which keys step, blank and leave. Contract: a native modal
 * dialog (as ShortcutsDialog), so focus stays inside it and Escape closes it; `onClose` is told
 * whichever way it closes.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';
import { PRESENTER_KEYS } from './presenterKeys';

export function PresenterHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className="m-auto rounded-lg border border-slate-400 bg-white p-5 text-slate-900 backdrop:bg-black/60 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={titleId} className="mb-3 text-xl font-semibold">
        {t('presenter.help.title')}
      </h2>
      <table className="text-base">
        <tbody>
          {PRESENTER_KEYS.map(([keys, action]) => (
            <tr key={action}>
              <th scope="row" className="py-1 pr-6 text-left font-mono font-normal">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(`presenter.help.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted mt-3 max-w-prose text-sm">{t('presenter.help.note')}</p>
      <button type="button" className="btn mt-4" onClick={onClose}>
        {t('presenter.help.close')}
      </button>
    </dialog>
  );
}
