/**
 * Says, above the host diagram, that the host views show a machine of the Swarm cluster
 * rather than the session's own host, with the ways back.
 * Contract: renders only while the session store is visiting; acts through the stores.
 */
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';

export function VisitBanner() {
  const { t } = useTranslation();
  const visiting = useSessionStore((s) => s.visiting);
  if (!visiting) return null;
  const leave = (toCluster: boolean) => {
    useSessionStore.getState().leave();
    if (toCluster) useUiStore.getState().setView('cluster');
  };
  return (
    <div
      role="status"
      data-visiting={visiting.machine}
      className="flex flex-wrap items-center gap-2 border-b border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
    >
      <span className="min-w-0 flex-1">
        {t('cluster.visit.banner', { name: visiting.machine })}
      </span>
      <button type="button" className="btn px-2 py-0.5 text-sm" onClick={() => leave(true)}>
        {t('cluster.visit.toCluster')}
      </button>
      <button type="button" className="btn px-2 py-0.5 text-sm" onClick={() => leave(false)}>
        {t('cluster.visit.home')}
      </button>
    </div>
  );
}
