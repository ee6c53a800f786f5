/**
 * The Cluster view (loaded lazily, default export): Swarm or Kubernetes, chosen with a switch
 * on top. Both are clusters of simulated machines with their own clock; Kubernetes' side is
 * a chunk of its own, loaded when it is first chosen.
 * Contract: a scroller and the switch; the orchestrator is a UI choice (uiStore).
 */
import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ORCHESTRATORS, useUiStore } from '../../store/uiStore';
import { SegmentedControl } from '../header/SegmentedControl';
import { useIsScrollable } from '../hooks/useIsScrollable';
import { SwarmView } from './SwarmView';
import './cluster.css';

const KubeView = lazy(() => import('../kube/KubeView'));

export default function ClusterView() {
  const { t } = useTranslation();
  const orchestrator = useUiStore((s) => s.orchestrator);
  const setOrchestrator = useUiStore((s) => s.setOrchestrator);
  const scroller = useRef<HTMLDivElement>(null);
  const scrollable = useIsScrollable(scroller);
  return (
    <div
      ref={scroller}
      // Focusable while it scrolls, so the keyboard can scroll it (axe:
      // scrollable-region-focusable); jsx-a11y's rule does not know scrollers.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={scrollable ? 0 : undefined}
      className="@container flex h-full flex-col gap-3 overflow-auto p-2 outline-none focus-visible:ring-2 focus-visible:ring-sky-700"
    >
      <SegmentedControl
        legend={t('cluster.orchestrator.legend')}
        showLegend
        options={ORCHESTRATORS.map((value) => ({
          value,
          label: t(`cluster.orchestrator.${value}`),
        }))}
        value={orchestrator}
        onChange={setOrchestrator}
      />
      {orchestrator === 'swarm' ? (
        <SwarmView />
      ) : (
        <Suspense fallback={<p className="text-muted">{t('kube.loading')}</p>}>
          <KubeView />
        </Suspense>
      )}
    </div>
  );
}
