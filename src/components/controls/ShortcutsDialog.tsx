/**
 * The `?` help: which keys drive playback. A native modal dialog, so focus is trapped and
 * Escape closes it without extra code.
 */
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../hooks/useModalDialog';

const KEYS = [
  ['Space', 'playPause'],
  ['→', 'forward'],
  ['←', 'back'],
  ['Home', 'restart'],
  ['+ / −', 'speed'],
  ['?', 'help'],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto rounded-lg border border-slate-400 bg-white p-4 text-slate-900 backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="mb-2 font-semibold">
        {t('shortcuts.title')}
      </h2>
      <table className="text-sm">
        <tbody>
          {KEYS.map(([key, action]) => (
            <tr key={action}>
              <th scope="row" className="py-0.5 pr-4 text-left font-mono font-normal">
                <kbd>{key}</kbd>
              </th>
              <td>{t(`shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-muted mt-2 text-xs">{t('shortcuts.note')}</p>
      <button type="button" className="btn mt-3" onClick={onClose}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
