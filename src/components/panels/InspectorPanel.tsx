/**
 * Inspector: the part selected in the diagram, at the playback cursor. Contract: reads the
 * selection (`selectedPart`, a host part id) from the UI store and the world at the cursor
 * from the session store; shows the part's name, role, PID and status, its lifecycle machine
 * as a statechart with the current state lit (and a container's OCI runtime state), its
 * recent messages, and its facts. A selected part that is not on the host at this moment
 * (runc between operations, the diagram's "shim" before any container) is shown by its role,
 * with no state lit. With nothing selected it says how to select.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore, worldAtCursor } from '../../store/sessionStore';
import { useUiStore } from '../../store/uiStore';
import { componentName, isHostRole } from '../host/componentCatalog';
import { hostParts, type PartRole } from '../host/hostParts';
import { containerOf, partRoleOf } from '../host/partIds';
import { MACHINES, machineOfRole } from '../inspector/machines';
import { PartFacts } from '../inspector/PartFacts';
import { PartSummary } from '../inspector/PartSummary';
import { RecentMessages } from '../inspector/RecentMessages';
import { shortId } from './traceFormat';

// The charts are laid out by dagre, fetched the first time a chart is shown (not on the first
// screen: the inspector opens folded).
const StatechartView = lazy(() =>
  import('../inspector/StatechartView').then((m) => ({ default: m.StatechartView })),
);

/** The name of a part that is not on the host now: its binary in the era, or its role. */
function useAbsentName(role: PartRole, containerName: string | null): string {
  const { t } = useTranslation();
  const era = useUiStore((state) => state.era);
  if (role === 'container' && containerName) return containerName;
  if (isHostRole(role)) return componentName(era, role) ?? componentName('modern', role) ?? role;
  return t(`components.${role}`);
}

export function InspectorPanel() {
  const { t } = useTranslation();
  const selected = useUiStore((state) => state.selectedPart);
  const era = useUiStore((state) => state.era);
  const world = useSessionStore(worldAtCursor);
  const parts = useMemo(() => hostParts(world), [world]);
  const part = parts.find((p) => p.id === selected) ?? null;
  const role = part?.role ?? partRoleOf(selected ?? '');
  const containerId = part?.containerId ?? containerOf(selected ?? '');
  const container = containerId
    ? (world.containers[containerId]?.name ?? shortId(containerId))
    : null;
  const absentName = useAbsentName(role, container);

  if (selected === null) return <p className="text-muted">{t('inspector.empty')}</p>;
  const machine = part ? part.machine : machineOfRole(role);
  const oci = role === 'container' ? String(part?.detail['oci'] ?? '') || null : null;
  return (
    <div className="prose-panel">
      <h3 className="font-mono">{part?.name ?? absentName}</h3>
      {!part && <p className="text-muted">{t('inspector.notOnHost')}</p>}
      {!part && isHostRole(role) && componentName(era, role) === null && (
        <p className="text-muted">{t('inspector.notInEra')}</p>
      )}
      {part && <PartSummary part={part} containerName={container ?? undefined} />}
      <Suspense fallback={null}>
        {machine && (
          <StatechartView
            machine={MACHINES[machine]}
            current={part?.machineState ?? null}
            title={t('inspector.lifecycle', { machine: MACHINES[machine].id })}
          />
        )}
        {role === 'container' && (
          <StatechartView
            machine={MACHINES.oci}
            current={oci}
            title={t('inspector.ociLifecycle')}
          />
        )}
      </Suspense>
      <h4>{t('inspector.recent')}</h4>
      <RecentMessages partId={selected} />
      <PartFacts role={role} />
    </div>
  );
}
