/**
 * The Swarm side of the Cluster view: controls on top, then the Raft group and the services
 * (desired vs running), the machines as cards with their tasks, and the selected machine's
 * faults and containers.
 * Contract: renders the cluster store's live world (rebuilt into the view model on each
 * revision) and acts only through the store. The cluster's clock runs while this view is
 * mounted and stops when it closes; news is announced once through the live region.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_MANAGER } from '../../cli/cluster/swarmSetup';
import { useClusterStore } from '../../store/clusterStore';
import { useUiStore } from '../../store/uiStore';
import { useAnnouncementStore } from '../../store/announcementStore';
import { ClusterEvents } from './ClusterEvents';
import { ClusterToolbar } from './ClusterToolbar';
import { nodeCards, serviceLines, type NodeCard, type ServiceLine } from './clusterModel';
import type { ClusterSnapshot } from './clusterChanges';
import type { NodeAction } from './hostSummary';
import { NodeDetail } from './NodeDetail';
import { MeshPanel } from './MeshPanel';
import { meshPorts, type MeshPort } from './meshModel';
import { NodeGrid } from './NodeGrid';
import { NO_RAFT, raftSummary } from './quorum';
import { RaftPanel } from './RaftPanel';
import { ServiceSummary } from './ServiceSummary';
import { TaskLegend } from './TaskLegend';
import { useClusterNews } from './useClusterNews';

/** Drawn before the cluster exists (the first render): no machines, no Raft. */
type SwarmSnapshot = ClusterSnapshot & { readonly mesh: readonly MeshPort[] };

const EMPTY: SwarmSnapshot = {
  nodes: [],
  services: [],
  raft: NO_RAFT,
  mesh: [],
};

export function SwarmView() {
  const { t } = useTranslation();
  const ids = {
    raft: useId(),
    services: useId(),
    mesh: useId(),
    nodes: useId(),
    description: useId(),
  };
  const cluster = useClusterStore((s) => s.cluster);
  const revision = useClusterStore((s) => s.revision);
  const selected = useClusterStore((s) => s.selectedNode);
  const announce = useAnnouncementStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);

  // The cluster is made when the view first opens, and its time passes only while it is shown.
  useEffect(() => {
    const store = useClusterStore.getState();
    store.ensure();
    store.startClock();
    return () => store.stopClock();
  }, []);

  const snapshot: SwarmSnapshot | null = useMemo(() => {
    if (!cluster) return null;
    const world = cluster.world;
    return {
      nodes: nodeCards(world),
      services: serviceLines(world),
      raft: raftSummary(world),
      mesh: meshPorts(cluster),
    };
    // revision: the cluster changes in place; a new revision means a new world to draw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cluster, revision]);
  useClusterNews(snapshot ?? EMPTY, cluster);

  const report = useCallback(
    (message: string | null) => {
      const text =
        message === null
          ? null
          : message === NO_MANAGER
            ? t('cluster.noManager')
            : t('cluster.error', { message });
      setError(text);
      if (text) announce(text);
    },
    [announce, t],
  );
  const onSelect = useCallback((id: string) => useClusterStore.getState().selectNode(id), []);
  const onScale = useCallback(
    (service: ServiceLine, replicas: number) =>
      report(useClusterStore.getState().scale(service.id, replicas)),
    [report],
  );
  const onAction = useCallback(
    (card: NodeCard, action: NodeAction) => {
      const store = useClusterStore.getState();
      if (action === 'drain' || action === 'activate')
        report(store.setAvailability(card.id, action === 'drain' ? 'drain' : 'active'));
      else store.fault(card.id, action);
    },
    [report],
  );

  const onOpen = useCallback((card: NodeCard) => {
    useClusterStore.getState().visit(card.id);
    useUiStore.getState().setView('host');
  }, []);

  const view = snapshot ?? EMPTY;
  const card = view.nodes.find((n) => n.id === selected) ?? null;
  const host = card && cluster ? cluster.node(card.id).sim.world : null;
  return (
    <div className="flex flex-col gap-3" aria-describedby={ids.description}>
      <p id={ids.description} className="sr-only">
        {t('cluster.description')}
      </p>
      <ClusterToolbar
        now={cluster?.now ?? 0}
        hasLeader={view.raft.leader !== null}
        onError={report}
        onKilled={(node) => useClusterStore.getState().selectNode(node)}
      />
      {error && <p className="text-sm text-red-800 dark:text-red-300">{error}</p>}
      {view.raft.state === 'none' && <p className="text-sm">{t('cluster.empty')}</p>}
      <div className="grid grid-cols-1 gap-3 @xl:grid-cols-2">
        <RaftPanel raft={view.raft} headingId={ids.raft} />
        <ServiceSummary services={view.services} headingId={ids.services} onScale={onScale} />
        <MeshPanel ports={view.mesh} headingId={ids.mesh} />
      </div>
      <div className="grid grid-cols-1 items-start gap-3 @3xl:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby={ids.nodes} className="flex min-w-0 flex-col gap-2">
          <h3 id={ids.nodes} className="text-sm font-semibold">
            {t('cluster.nodes.heading')}
          </h3>
          <NodeGrid cards={view.nodes} selected={selected} onSelect={onSelect} />
          <TaskLegend />
        </section>
        <div className="flex min-w-0 flex-col gap-3 @3xl:sticky @3xl:top-0">
          <NodeDetail card={card} host={host} onAction={onAction} onOpen={onOpen} />
          {cluster && <ClusterEvents trace={cluster.trace} revision={revision} />}
        </div>
      </div>
    </div>
  );
}
