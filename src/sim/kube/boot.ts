/**
 * The cluster as kubeadm leaves it: one control-plane node (its API server, etcd, scheduler
 * and controller manager run as static pods from /etc/kubernetes/manifests, and the node is
 * tainted NoSchedule) and N workers joined to it; kube-proxy on every node (a DaemonSet) and
 * CoreDNS (a Deployment of 2). The objects are declared here; the cluster then runs its own
 * controllers and kubelets until everything is up (see KubeCluster's constructor).
 */
import { CONTROL_PLANE_ADDRESS, TAINT } from './defaults';
import { newUid, templateHash } from './names';
import { powerOnMachine } from './runtime';
import { newPodObject, objectKey, type KubeWorld, type PodTemplate } from './types';

const SYSTEM = 'kube-system';
export const CONTROL_PLANE = 'control-plane';

const STATIC_PODS: readonly (readonly [string, string])[] = [
  ['etcd', 'registry.k8s.io/etcd:3.5.21-0'],
  ['kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.33.1'],
  ['kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.33.1'],
  ['kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.33.1'],
];
const KUBE_PROXY = 'registry.k8s.io/kube-proxy:v1.33.1';
const COREDNS = 'registry.k8s.io/coredns/coredns:v1.12.0';
/** Pulled when the node was set up (kubeadm config images pull), so pods start at once. */
const PRELOADED = ['registry.k8s.io/pause:3.10', KUBE_PROXY, COREDNS];

function template(image: string, container: string, hostNetwork: boolean): PodTemplate {
  return { image, container, tolerateControlPlane: true, hostNetwork };
}

export function workerName(i: number): string {
  return `worker-${i}`;
}

/** A world with every machine powered on at `now`, and the objects kubeadm creates. */
export function initialWorld(
  rand: Parameters<typeof newUid>[0],
  workers: number,
  now: number,
  epochMs: number,
): KubeWorld {
  const names = [CONTROL_PLANE, ...Array.from({ length: workers }, (_, i) => workerName(i + 1))];
  const world: KubeWorld = {
    now,
    epochMs,
    controlPlane: CONTROL_PLANE,
    nodes: {},
    deployments: {},
    replicaSets: {},
    daemonSets: {},
    pods: {},
    machines: {},
  };
  names.forEach((name, i) => {
    const address = i === 0 ? CONTROL_PLANE_ADDRESS : `10.0.0.${20 + i}`;
    world.nodes[name] = {
      name,
      created: now,
      role: i === 0 ? 'control-plane' : null,
      address,
      podCidr: `10.244.${i}.0/24`,
      unschedulable: false,
      ready: 'True',
      leaseRenewed: now,
      taints: i === 0 ? [{ key: TAINT.controlPlane, effect: 'NoSchedule', since: now }] : [],
    };
    const machine = {
      name,
      address,
      power: 'on' as const,
      partitioned: false,
      bootedAt: now,
      nextPid: 1,
      processes: {},
      images: i === 0 ? [...PRELOADED, ...STATIC_PODS.map(([, image]) => image)] : [...PRELOADED],
      sandboxes: {},
      work: {},
      nextIp: 2,
    };
    powerOnMachine(machine, now);
    world.machines[name] = machine;
  });
  for (const [component, image] of STATIC_PODS) {
    const name = `${component}-${CONTROL_PLANE}`;
    const meta = { namespace: SYSTEM, name, uid: newUid(rand), created: now };
    const owner = { kind: 'Node' as const, name: CONTROL_PLANE };
    // Static pods need no scheduler: the kubelet runs them from its manifests directory.
    const pod = newPodObject(meta, owner, template(image, component, true), true);
    pod.nodeName = CONTROL_PLANE;
    pod.status = 'creating';
    world.pods[objectKey(SYSTEM, name)] = pod;
  }
  world.daemonSets[objectKey(SYSTEM, 'kube-proxy')] = {
    namespace: SYSTEM,
    name: 'kube-proxy',
    uid: newUid(rand),
    created: now,
    template: template(KUBE_PROXY, 'kube-proxy', true),
  };
  world.deployments[objectKey(SYSTEM, 'coredns')] = {
    namespace: SYSTEM,
    name: 'coredns',
    uid: newUid(rand),
    created: now,
    replicas: 2,
    template: template(COREDNS, 'coredns', false),
    templateHash: templateHash('coredns', COREDNS),
  };
  return world;
}
