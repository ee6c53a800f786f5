/**
 * The Kubernetes view's model, read from the cluster's world: node cards (what the control
 * plane believes, and what the machine really is), pods as badges in kubectl's words, each
 * deployment's desired vs ready count, and the control plane's own health.
 * Contract: pure; the view renders only this.
 */
import { TAINT } from '../../sim/kube/defaults';
import type { KubeWorld, Machine, Pod } from '../../sim/kube/types';

/** kubectl's STATUS column, plus `NotReady` for a Running pod that is not ready. */
export type PodPhase = 'Running' | 'NotReady' | 'ContainerCreating' | 'Pending' | 'Terminating';

export interface PodBadge {
  readonly key: string;
  readonly name: string;
  readonly namespace: string;
  /** The Deployment (or DaemonSet, or static pod) it belongs to. */
  readonly app: string;
  /** The random five letters that tell the pods of one ReplicaSet apart. */
  readonly suffix: string;
  readonly phase: PodPhase;
  readonly restarts: number;
  readonly ip: string | null;
}

export type MachineState = 'on' | 'booting' | 'off' | 'partitioned';

export interface KubeNodeCard {
  readonly name: string;
  readonly role: 'control-plane' | 'worker';
  readonly address: string;
  /** The Ready condition as `kubectl get nodes` prints it. */
  readonly status: 'Ready' | 'NotReady';
  readonly cordoned: boolean;
  readonly machine: MachineState;
  /** Pods of the default namespace on this node. */
  readonly pods: readonly PodBadge[];
  /** kube-system pods on this node (the control plane, kube-proxy, CoreDNS). */
  readonly systemPods: readonly PodBadge[];
}

export interface DeploymentLine {
  readonly name: string;
  readonly desired: number;
  readonly ready: number;
  /** Pods not yet placed on any node (no node fits), with the scheduler's reason. */
  readonly pending: number;
  readonly pendingReason: string | null;
}

export function podPhase(pod: Pod): PodPhase {
  if (pod.deletionTimestamp !== null || pod.status === 'terminating') return 'Terminating';
  if (pod.status === 'pending') return 'Pending';
  if (pod.status === 'creating') return 'ContainerCreating';
  return pod.ready ? 'Running' : 'NotReady';
}

function appOf(pod: Pod): string {
  if (pod.owner.kind === 'ReplicaSet') return pod.owner.name.replace(/-[^-]+$/, '');
  if (pod.owner.kind === 'DaemonSet') return pod.owner.name;
  // A static pod is named after its component and its node: kube-apiserver-control-plane.
  return pod.name.endsWith(`-${pod.owner.name}`)
    ? pod.name.slice(0, -pod.owner.name.length - 1)
    : pod.name;
}

export function podBadge(pod: Pod): PodBadge {
  return {
    key: `${pod.namespace}/${pod.name}`,
    name: pod.name,
    namespace: pod.namespace,
    app: appOf(pod),
    suffix: pod.mirror ? pod.name : (pod.name.split('-').pop() ?? pod.name),
    phase: podPhase(pod),
    restarts: pod.restarts,
    ip: pod.ip,
  };
}

function machineState(m: Machine | undefined, now: number): MachineState {
  if (!m || m.power === 'off') return 'off';
  if (now < m.bootedAt) return 'booting';
  return m.partitioned ? 'partitioned' : 'on';
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);

export function kubeNodeCards(world: KubeWorld): KubeNodeCard[] {
  const pods = Object.values(world.pods).sort(byName);
  return Object.values(world.nodes).map((node) => {
    const here = pods.filter((p) => p.nodeName === node.name).map(podBadge);
    return {
      name: node.name,
      role: node.role === 'control-plane' ? 'control-plane' : 'worker',
      address: node.address,
      status: node.ready === 'True' ? 'Ready' : 'NotReady',
      cordoned: node.unschedulable,
      machine: machineState(world.machines[node.name], world.now),
      pods: here.filter((p) => p.namespace !== 'kube-system'),
      systemPods: here.filter((p) => p.namespace === 'kube-system'),
    };
  });
}

export function deploymentLines(world: KubeWorld): DeploymentLine[] {
  return Object.values(world.deployments)
    .filter((d) => d.namespace !== 'kube-system')
    .sort(byName)
    .map((d) => {
      const pods = Object.values(world.pods).filter(
        (p) =>
          p.namespace === d.namespace &&
          p.owner.kind === 'ReplicaSet' &&
          p.owner.name === `${d.name}-${d.templateHash}` &&
          p.deletionTimestamp === null,
      );
      const pending = pods.filter((p) => p.status === 'pending');
      return {
        name: d.name,
        desired: d.replicas,
        ready: pods.filter((p) => p.status === 'running' && p.ready).length,
        pending: pending.length,
        pendingReason: pending.find((p) => p.unschedulable)?.unschedulable ?? null,
      };
    });
}

/** Pods with no node (Pending): they belong to no card, so the view lists them apart. */
export function unscheduledPods(world: KubeWorld): PodBadge[] {
  return Object.values(world.pods)
    .filter((p) => p.nodeName === null)
    .sort(byName)
    .map(podBadge);
}

/** Can this fault or action be applied to the node now? */
export function canAct(card: KubeNodeCard, action: KubeNodeAction): boolean {
  switch (action) {
    case 'powerOff':
      return card.machine !== 'off';
    case 'partition':
      return card.role === 'worker' && (card.machine === 'on' || card.machine === 'booting');
    case 'restore':
      return card.machine === 'off' || card.machine === 'partitioned';
    case 'drain':
      return !card.cordoned;
    case 'uncordon':
      return card.cordoned;
  }
}

export type KubeNodeAction = 'powerOff' | 'partition' | 'restore' | 'drain' | 'uncordon';
export const KUBE_NODE_ACTIONS: readonly KubeNodeAction[] = [
  'powerOff',
  'partition',
  'restore',
  'drain',
  'uncordon',
];

/** The node is tainted because it is unreachable (its pods' toleration clock is running). */
export function unreachableSince(world: KubeWorld, node: string): number | null {
  return world.nodes[node]?.taints.find((t) => t.key === TAINT.unreachable)?.since ?? null;
}
