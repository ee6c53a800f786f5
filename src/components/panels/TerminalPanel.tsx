/**
 * Terminal: the xterm.js view on the session's shell. xterm.js and the shell (the docker CLI
 * with the real CLI's help texts) are large, so both arrive in one lazily loaded chunk; until
 * it does the panel says it is loading.
 * Contract: takes the controller from the store's `terminalController()` and nothing else.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const ConnectedTerminal = lazy(async () => {
  const [{ default: TerminalView }, { terminalController }] = await Promise.all([
    import('../terminal/TerminalView'),
    import('../../store/terminalStore'),
  ]);
  function Connected() {
    return <TerminalView controller={terminalController()} />;
  }
  return { default: Connected };
});

export function TerminalPanel() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="text-muted">{t('terminal.loading')}</p>}>
      <ConnectedTerminal />
    </Suspense>
  );
}
