/**
 * The Kubernetes side of the Cluster view (loaded lazily, default export): a kubeadm cluster
 * on containerd. The control plane's health and the deployments (desired vs ready), the nodes
 * as cards with their pods, the selected node's faults and what really runs on it (kubelet ->
 * CRI -> containerd -> one shim per pod -> pause and the app), and a kubectl terminal.
 * Contract: renders the kube store's live cluster (rebuilt into the view model on each
 * revision); buttons that stand for kubectl commands run them in the terminal, so the learner
 * sees each one; faults go to the store. The clock runs while this view is mounted.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnouncementStore } from '../../store/announcementStore';
import { useKubeStore } from '../../store/kubeStore';
import { ClusterEvents } from '../cluster/ClusterEvents';
import { ControlPlanePanel } from './ControlPlanePanel';
import { DeploymentPanel } from './DeploymentPanel';
import { KubeNodeCard } from './KubeNodeCard';
import { KubeNodeDetail } from './KubeNodeDetail';
import { deploymentLines, kubeNodeCards, unscheduledPods, type KubeNodeAction } from './kubeModel';
import { KubeToolbar } from './KubeToolbar';
import { PodBadges } from './PodBadges';
import { useKubeNews } from './useKubeNews';

const KubeTerminal = lazy(async () => {
  const [{ default: TerminalView }, { kubeTerminalController }] = await Promise.all([
    import('../terminal/TerminalView'),
    import('../../store/kubeTerminal'),
  ]);
  return {
    default: function KubeTerminalView() {
      return <TerminalView controller={kubeTerminalController()} />;
    },
  };
});

/** Runs a kubectl line in the kubectl terminal, as if typed (the terminal shows it). */
async function runInTerminal(line: string): Promise<void> {
  const { kubeTerminalController } = await import('../../store/kubeTerminal');
  kubeTerminalController().submit(line);
}

export default function KubeView() {
  const { t } = useTranslation();
  const ids = {
    plane: useId(),
    deployments: useId(),
    nodes: useId(),
    terminal: useId(),
    description: useId(),
  };
  const cluster = useKubeStore((s) => s.cluster);
  const revision = useKubeStore((s) => s.revision);
  const selected = useKubeStore((s) => s.selectedNode);
  const announce = useAnnouncementStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const store = useKubeStore.getState();
    store.ensure();
    store.startClock();
    return () => store.stopClock();
  }, []);

  const model = useMemo(() => {
    if (!cluster) return null;
    const world = cluster.world;
    return {
      cards: kubeNodeCards(world),
      deployments: deploymentLines(world),
      unscheduled: unscheduledPods(world),
      apiUp: cluster.apiReachable(),
    };
    // revision: the cluster changes in place; a new revision means a new world to draw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster, revision]);
  useKubeNews(model?.cards ?? [], model?.deployments ?? [], cluster);

  const onAction = useCallback(
    (node: string, action: KubeNodeAction) => {
      const store = useKubeStore.getState();
      const message =
        action === 'drain'
          ? store.drain(node)
          : action === 'uncordon'
            ? store.uncordon(node)
            : store.fault(node, action);
      setError(message);
      if (message) announce(message);
    },
    [announce],
  );
  const run = useCallback((line: string) => void runInTerminal(line), []);

  const cards = model?.cards ?? [];
  const card = cards.find((c) => c.name === selected) ?? null;
  const machine = card && cluster ? (cluster.world.machines[card.name] ?? null) : null;
  const plane = cluster?.world.machines[cluster.world.controlPlane] ?? null;
  return (
    <div className="flex flex-col gap-3" aria-describedby={ids.description}>
      <p id={ids.description} className="sr-only">
        {t('kube.description')}
      </p>
      <KubeToolbar now={cluster?.now ?? 0} />
      {error && <p className="text-sm text-red-800 dark:text-red-300">{error}</p>}
      <div className="grid grid-cols-1 gap-3 @xl:grid-cols-2">
        <ControlPlanePanel machine={plane} apiUp={model?.apiUp ?? false} headingId={ids.plane} />
        <DeploymentPanel lines={model?.deployments ?? []} headingId={ids.deployments} onRun={run} />
      </div>
      <div className="grid grid-cols-1 items-start gap-3 @3xl:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby={ids.nodes} className="flex min-w-0 flex-col gap-2">
          <h3 id={ids.nodes} className="text-sm font-semibold">
            {t('kube.nodes.heading')}
          </h3>
          <ul
            aria-label={t('kube.nodes.list')}
            className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2"
          >
            {cards.map((c) => (
              <KubeNodeCard
                key={c.name}
                card={c}
                selected={c.name === selected}
                onSelect={(name) => useKubeStore.getState().selectNode(name)}
              />
            ))}
          </ul>
          {(model?.unscheduled.length ?? 0) > 0 && (
            <p className="text-sm">
              {t('kube.nodes.unscheduled', { count: model?.unscheduled.length ?? 0 })}{' '}
              <PodBadges pods={model?.unscheduled ?? []} />
            </p>
          )}
          <p className="text-muted text-xs">{t('kube.legend')}</p>
        </section>
        <div className="flex min-w-0 flex-col gap-3">
          <KubeNodeDetail
            card={card}
            machine={machine}
            onAction={(c, action) => onAction(c.name, action)}
            onDeletePod={(name) => run(`kubectl delete pod ${name}`)}
          />
          {cluster && <ClusterEvents trace={cluster.trace} revision={revision} />}
        </div>
      </div>
      <section aria-labelledby={ids.terminal} className="flex flex-col gap-1">
        <h3 id={ids.terminal} className="text-sm font-semibold">
          {t('kube.terminal.heading')}
        </h3>
        <div className="h-72 min-h-48 overflow-hidden rounded border border-slate-400 dark:border-slate-500">
          <Suspense fallback={<p className="text-muted p-2">{t('terminal.loading')}</p>}>
            <KubeTerminal />
          </Suspense>
        </div>
      </section>
    </div>
  );
}
