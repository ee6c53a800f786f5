/**
 * Says, above the host diagram, that the host views show another simulation than the
 * session's own: a machine of the Swarm cluster, or the bridge's simulation that the real
 * docker CLI talks to (with the warning that port 2375 is unencrypted), and the ways back.
 * Contract: renders only while the session store is visiting; acts through the stores.
 */
import { useTranslation } from 'react-i18next';
import { useBridgeStore } from '../../store/bridgeStore';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';

const BUTTON = 'btn px-2 py-0.5 text-sm';

export function VisitBanner() {
  const { t } = useTranslation();
  const visiting = useSessionStore((s) => s.visiting);
  const bridge = useBridgeStore((s) => s.status);
  if (!visiting) return null;
  const leave = (toCluster: boolean) => {
    useSessionStore.getState().leave();
    if (toCluster) useUiStore.getState().setView('cluster');
  };
  const frame =
    'flex flex-wrap items-center gap-2 border-b border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50';
  if (visiting.kind === 'bridge') {
    return (
      <div role="status" data-visiting="bridge" className={frame}>
        <span className="min-w-0 flex-1">
          {t(bridge === 'lost' ? 'bridge.lost' : 'bridge.banner', { address: visiting.machine })}{' '}
          <strong>{t('bridge.plainWarning')}</strong>
        </span>
        <button type="button" className={BUTTON} onClick={() => leave(false)}>
          {t('bridge.disconnect')}
        </button>
      </div>
    );
  }
  return (
    <div role="status" data-visiting={visiting.machine} className={frame}>
      <span className="min-w-0 flex-1">
        {t('cluster.visit.banner', { name: visiting.machine })}
      </span>
      <button type="button" className={BUTTON} onClick={() => leave(true)}>
        {t('cluster.visit.toCluster')}
      </button>
      <button type="button" className={BUTTON} onClick={() => leave(false)}>
        {t('cluster.visit.home')}
      </button>
    </div>
  );
}
