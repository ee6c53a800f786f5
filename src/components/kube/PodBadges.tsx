/**
 * Pods as small badges (`● web x2k9q`): colour per app, a symbol and a border style per
 * kubectl status, so a status never rests on colour alone. Keys are pod names: a replacement
 * pod is a new badge, as it is a new pod (with a new name) in Kubernetes.
 * Contract: phrasing content, hidden from assistive technology (the card's name says it all).
 */
import { PHASE_CLASSES, serviceClasses } from '../cluster/serviceLook';
import type { TaskPhase } from '../cluster/taskPhase';
import type { PodBadge, PodPhase } from './kubeModel';

export const POD_SYMBOL: Readonly<Record<PodPhase, string>> = {
  Running: '●',
  ContainerCreating: '◐',
  Pending: '○',
  Terminating: '◑',
  NotReady: '?',
};

/** Each pod status borrows the look of the Swarm task phase that means the same. */
const LOOK: Readonly<Record<PodPhase, TaskPhase>> = {
  Running: 'running',
  ContainerCreating: 'starting',
  Pending: 'starting',
  Terminating: 'stopping',
  NotReady: 'lost',
};

/** A stable colour per app name, so `web` keeps its colour on every node. */
export function appColour(app: string): number {
  let h = 0;
  for (let i = 0; i < app.length; i++) h = (h * 31 + app.charCodeAt(i)) >>> 0;
  return h;
}

const CHIP =
  'cluster-badge inline-flex items-center gap-0.5 rounded border px-1 font-mono text-[11px] leading-4';

export function PodBadges({ pods }: { readonly pods: readonly PodBadge[] }) {
  return (
    <span className="flex flex-wrap gap-1" aria-hidden="true">
      {pods.map((pod) => (
        <span
          key={pod.key}
          data-pod={pod.name}
          data-phase={pod.phase}
          className={`${CHIP} ${serviceClasses(appColour(pod.app))} ${PHASE_CLASSES[LOOK[pod.phase]]}`}
        >
          <span>{POD_SYMBOL[pod.phase]}</span>
          {pod.app} {pod.suffix}
        </span>
      ))}
    </span>
  );
}
