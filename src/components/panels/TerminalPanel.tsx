/** Terminal: a placeholder that says what will come, until the terminal emulator lands. */
import { useTranslation } from 'react-i18next';

export function TerminalPanel() {
  const { t } = useTranslation();
  return (
    <div className="prose-panel">
      <p className="font-semibold">{t('terminal.notYet')}</p>
      <p className="text-muted">{t('terminal.detail')}</p>
    </div>
  );
}
