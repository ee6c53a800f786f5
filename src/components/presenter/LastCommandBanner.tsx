/**
 * The last command typed, large, for the back of the room. Contract: visual only (not a live
 * region: the terminal already reads each line to screen readers); reads the trace of the
 * terminal on screen: kubectl's in the Kubernetes view, the host's everywhere else. A flex item
 * that takes a line of its own in a wrapping row.
 */
import { useTranslation } from 'react-i18next';
import { useKubeStore } from '../../store/kubeStore';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import { lastCommand } from './lastCommand';

export function LastCommandBanner() {
  const { t } = useTranslation();
  const kube = useUiStore((s) => s.view === 'cluster' && s.orchestrator === 'kubernetes');
  // Live, the line just typed shows at once (the diagram may still be animating the one before);
  // paused or stepped back, the line whose messages are on screen.
  const hostLine = useSessionStore((s) =>
    lastCommand(s.sim.trace, s.playing ? s.sim.trace.length - 1 : s.cursor),
  );
  const kubeLine = useKubeStore((s) => (s.cluster ? lastCommand(s.cluster.trace) : null));
  const line = kube ? kubeLine : hostLine;
  return (
    <div
      className="presenter-banner order-last flex basis-full items-baseline gap-3"
      aria-live="off"
    >
      <span className="text-muted shrink-0 text-sm font-semibold">
        {t('presenter.lastCommand')}
      </span>
      {line === null ? (
        <span className="text-muted min-w-0 flex-1 text-lg">{t('presenter.noCommand')}</span>
      ) : (
        <code className="presenter-banner__line min-w-0 flex-1 font-mono text-2xl font-semibold">
          <span aria-hidden="true">$ </span>
          {line}
        </code>
      )}
      <span className="text-muted shrink-0 text-sm">{t('presenter.helpHint')}</span>
    </div>
  );
}
