/**
 * Hand-built cluster worlds for kubectl's tests: a kubeadm cluster like KubeCluster's (nodes,
 * static pods, kube-proxy, CoreDNS), and deployments whose pods are in chosen states at chosen
 * ages, with fixed names so that tables can be compared character for character.
 */
import { NAMESPACE } from '../../sim/kube/defaults';
import {
  newPodObject,
  objectKey,
  type KubeWorld,
  type Pod,
  type PodOwner,
  type PodStatus,
} from '../../sim/kube/types';

/** 2026-11-29T09:00:00Z, as the cluster's default epoch. */
export const EPOCH = Date.UTC(2026, 10, 29, 9, 0, 0);

export interface PodSpec {
  readonly namespace?: string;
  readonly name: string;
  readonly owner: PodOwner;
  readonly image?: string;
  readonly status?: PodStatus;
  readonly node?: string | null;
  readonly created?: number;
  readonly restarts?: number;
  readonly lastRestartAt?: number | null;
  readonly mirror?: boolean;
}

export function addPod(world: KubeWorld, spec: PodSpec): Pod {
  const namespace = spec.namespace ?? NAMESPACE;
  const image = spec.image ?? 'nginx';
  const pod = newPodObject(
    {
      namespace,
      name: spec.name,
      uid: `uid-${namespace}-${spec.name}`,
      created: spec.created ?? 0,
    },
    spec.owner,
    { image, container: image.split(':')[0] ?? image, tolerateControlPlane: false },
    spec.mirror ?? false,
  );
  const status = spec.status ?? 'running';
  pod.status = status;
  pod.nodeName = status === 'pending' ? null : (spec.node ?? 'worker-1');
  pod.ready = status === 'running';
  pod.ip =
    status === 'running' || status === 'terminating'
      ? `10.244.1.${Object.keys(world.pods).length + 2}`
      : null;
  pod.startedAt = status === 'running' ? pod.created : null;
  pod.restarts = spec.restarts ?? 0;
  pod.lastRestartAt = spec.lastRestartAt ?? null;
  if (status === 'terminating') pod.deletionTimestamp = world.now;
  world.pods[objectKey(namespace, spec.name)] = pod;
  return pod;
}

export interface DeploymentSpec {
  readonly name: string;
  readonly image?: string;
  readonly namespace?: string;
  readonly created?: number;
  /** One pod per entry (default: `replicas` running pods). */
  readonly pods?: readonly PodStatus[];
  readonly replicas?: number;
  /** Nodes the pods run on, in turn. */
  readonly nodes?: readonly string[];
}

const SUFFIXES = ['x2k9q', 'b7mzt', 'p4lwd', 'r8vns', 'h5cjf', 'k2tgx', 'm9dqp', 'w6fzb'];

export function addDeployment(world: KubeWorld, spec: DeploymentSpec): Pod[] {
  const namespace = spec.namespace ?? NAMESPACE;
  const image = spec.image ?? 'nginx';
  const created = spec.created ?? 0;
  const statuses =
    spec.pods ?? Array.from({ length: spec.replicas ?? 1 }, () => 'running' as const);
  const replicas = spec.replicas ?? statuses.length;
  const hash = '7c5ddbdf54';
  const template = { image, container: image.split(':')[0] ?? image, tolerateControlPlane: false };
  const meta = (name: string) => ({ namespace, name, uid: `uid-${name}`, created });
  world.deployments[objectKey(namespace, spec.name)] = {
    ...meta(spec.name),
    replicas,
    template,
    templateHash: hash,
  };
  const rs = `${spec.name}-${hash}`;
  world.replicaSets[objectKey(namespace, rs)] = {
    ...meta(rs),
    owner: spec.name,
    replicas,
    template,
  };
  const nodes = spec.nodes ?? ['worker-1', 'worker-2', 'worker-3'];
  return statuses.map((status, i) =>
    addPod(world, {
      namespace,
      name: `${rs}-${SUFFIXES[i % SUFFIXES.length] ?? 'zzzzz'}${i >= SUFFIXES.length ? i : ''}`,
      owner: { kind: 'ReplicaSet', name: rs },
      image,
      status,
      node: nodes[i % nodes.length] ?? null,
      created,
    }),
  );
}

/**
 * A kubeadm cluster like KubeCluster's, built by hand: set up 10 minutes before time 0, the
 * control plane's static pods, kube-proxy on every node, two CoreDNS pods, all running.
 */
export function fixtureWorld(workers = 3, now = 0): KubeWorld {
  const setUp = -600_000;
  const names = ['control-plane', ...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`)];
  const world: KubeWorld = {
    now,
    epochMs: EPOCH,
    controlPlane: 'control-plane',
    nodes: {},
    deployments: {},
    replicaSets: {},
    daemonSets: {},
    pods: {},
    machines: {},
  };
  names.forEach((name, i) => {
    world.nodes[name] = {
      name,
      created: setUp,
      role: i === 0 ? 'control-plane' : null,
      address: i === 0 ? '10.0.0.10' : `10.0.0.${20 + i}`,
      podCidr: `10.244.${i}.0/24`,
      unschedulable: false,
      ready: 'True',
      leaseRenewed: now,
      taints: [],
    };
  });
  const system = { namespace: 'kube-system', created: setUp, node: 'control-plane' };
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'])
    addPod(world, {
      ...system,
      name: `${c}-control-plane`,
      owner: { kind: 'Node', name: 'control-plane' },
      mirror: true,
    });
  const proxy = { image: 'registry.k8s.io/kube-proxy:v1.33.1', container: 'kube-proxy' };
  world.daemonSets['kube-system/kube-proxy'] = {
    namespace: 'kube-system',
    name: 'kube-proxy',
    uid: 'uid-kube-proxy',
    created: setUp,
    template: { ...proxy, tolerateControlPlane: true },
  };
  names.forEach((node, i) =>
    addPod(world, {
      ...system,
      name: `kube-proxy-${['q7x2n', 'd4kmp', 'v9bzt', 'h2rwc', 'l5sjn'][i] ?? `n${i}`}`,
      owner: { kind: 'DaemonSet', name: 'kube-proxy' },
      image: proxy.image,
      node,
    }),
  );
  addDeployment(world, {
    name: 'coredns',
    namespace: 'kube-system',
    image: 'registry.k8s.io/coredns/coredns:v1.12.0',
    created: setUp,
    replicas: 2,
    nodes: ['control-plane'],
  });
  return world;
}
