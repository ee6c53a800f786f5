/**
 * The world of a simulated Kubernetes cluster: plain, JSON-serialisable data in two halves.
 * The API objects are what etcd stores and `kubectl get` shows (nodes, deployments,
 * replicasets, daemonsets, pods). The machines are what really runs on each node: its
 * processes, and containerd's `k8s.io` namespace as CRI left it (sandboxes, containers,
 * pulled images). There is no dockerd anywhere: the kubelet talks to containerd directly.
 */

export type PodStatus = 'pending' | 'creating' | 'running' | 'terminating' | 'gone';

/** A taint on a node; `since` (virtual ms) is when it was added. */
export interface Taint {
  readonly key: string;
  readonly effect: 'NoSchedule' | 'NoExecute';
  readonly since: number;
}

/** A Node object (`kubectl get nodes`): what the control plane believes about a machine. */
export interface KubeNode {
  readonly name: string;
  readonly created: number;
  readonly role: 'control-plane' | null;
  readonly address: string;
  /** The pod network range of this node (10.244.N.0/24, as flannel hands them out). */
  readonly podCidr: string;
  /** Cordoned: the scheduler places nothing new here (`Ready,SchedulingDisabled`). */
  unschedulable: boolean;
  /** The Ready condition: True while the kubelet renews its lease, Unknown once it stops. */
  ready: 'True' | 'Unknown';
  /** When the kubelet last renewed its Lease (its heartbeat). */
  leaseRenewed: number;
  taints: Taint[];
}

export interface ObjectMeta {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly created: number;
}

/** The pod template all our workloads use: one container. */
export interface PodTemplate {
  readonly image: string;
  /** The container's name (kubectl create deployment names it after the image). */
  readonly container: string;
  /** Tolerates the control plane's NoSchedule taint (CoreDNS does). */
  readonly tolerateControlPlane: boolean;
  /** Uses the node's network namespace and address (the control plane, kube-proxy): no CNI. */
  readonly hostNetwork?: boolean;
}

export interface Deployment extends ObjectMeta {
  replicas: number;
  readonly template: PodTemplate;
  /** The pod-template-hash of its ReplicaSet (and the middle part of its pods' names). */
  readonly templateHash: string;
}

export interface ReplicaSet extends ObjectMeta {
  /** The Deployment that owns it. */
  readonly owner: string;
  replicas: number;
  readonly template: PodTemplate;
}

/** One pod on every node (kube-proxy). */
export interface DaemonSet extends ObjectMeta {
  readonly template: PodTemplate;
}

export interface PodOwner {
  readonly kind: 'ReplicaSet' | 'DaemonSet' | 'Node';
  readonly name: string;
}

export interface Pod extends ObjectMeta {
  readonly owner: PodOwner;
  readonly template: PodTemplate;
  /** The pod lifecycle (src/machines/pod.ts). */
  status: PodStatus;
  nodeName: string | null;
  /** Set when the containers last started; null until then. */
  startedAt: number | null;
  /** The Ready condition as the API server has it (false once its node goes unknown). */
  ready: boolean;
  ip: string | null;
  restarts: number;
  /** When a container of it last restarted (kubectl: `1 (20s ago)`). */
  lastRestartAt: number | null;
  /** Set when deleted: the pod is Terminating until the kubelet confirms it is gone. */
  deletionTimestamp: number | null;
  /** A mirror pod: the kubelet runs it from a file in /etc/kubernetes/manifests (static pod). */
  readonly mirror: boolean;
  /** Why the scheduler found no node for it (FailedScheduling), while it is pending. */
  unschedulable?: string | null;
}

export type ProcessName =
  'systemd' | 'containerd' | 'kubelet' | 'containerd-shim-runc-v2' | 'runc' | 'pause' | string;

export interface KubeProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly name: ProcessName;
  readonly args: readonly string[];
  /** The pod (namespace/name) whose shim, sandbox or container this is. */
  readonly pod?: string;
}

export interface CriContainer {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  /** Host PID of its process; null before it starts and after it exits. */
  pid: number | null;
  state: 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';
  exitCode: number | null;
  readonly attempt: number;
}

/**
 * A pod sandbox in containerd's k8s.io namespace (`crictl pods`): the pause container that
 * holds the pod's namespaces and IP, the one shim that serves every container of the pod,
 * and the pod's containers.
 */
export interface Sandbox {
  readonly id: string;
  /** namespace/name of the pod. */
  readonly pod: string;
  readonly podUid: string;
  readonly shimPid: number;
  readonly pausePid: number;
  readonly ip: string;
  readonly created: number;
  containers: CriContainer[];
}

/** What the kubelet is doing for one pod right now (each step is one CRI call). */
export type KubeletStep =
  | 'runSandbox'
  | 'pullImage'
  | 'createContainer'
  | 'startContainer'
  | 'stopContainer'
  | 'removeSandbox';

/** A machine of the cluster as it really is, whatever the API server believes. */
export interface Machine {
  readonly name: string;
  readonly address: string;
  power: 'on' | 'off';
  /** Cut off the network: it runs on, but the API server cannot hear its kubelet. */
  partitioned: boolean;
  bootedAt: number;
  nextPid: number;
  processes: Record<number, KubeProcess>;
  /** Images in containerd's k8s.io namespace (`crictl images`). */
  images: string[];
  /** Sandboxes by pod (namespace/name). */
  sandboxes: Record<string, Sandbox>;
  /** The step the kubelet has in flight for each pod (namespace/name), at most one. */
  work: Record<string, KubeletStep>;
  /** Next host number for pod IPs in this node's podCidr. */
  nextIp: number;
}

export interface KubeWorld {
  now: number;
  /** Virtual time 0 as a Unix epoch in ms. */
  readonly epochMs: number;
  /** The node that runs the control plane (API server, etcd, scheduler, controller manager). */
  readonly controlPlane: string;
  nodes: Record<string, KubeNode>;
  /** Keyed namespace/name, as etcd keys them. */
  deployments: Record<string, Deployment>;
  replicaSets: Record<string, ReplicaSet>;
  daemonSets: Record<string, DaemonSet>;
  pods: Record<string, Pod>;
  machines: Record<string, Machine>;
}

/**
 * A record's own entry: a name typed by a user (`__proto__`, `constructor`) must never reach
 * Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The namespaces kubeadm's cluster has. */
export const NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

export function objectKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** A pod as first stored: nothing has run yet and nobody has asked for it to go. */
export function newPodObject(
  meta: ObjectMeta,
  owner: PodOwner,
  template: PodTemplate,
  mirror: boolean,
): Pod {
  return {
    ...meta,
    owner,
    template,
    status: 'pending',
    nodeName: null,
    startedAt: null,
    ready: false,
    ip: null,
    restarts: 0,
    lastRestartAt: null,
    deletionTimestamp: null,
    mirror,
  };
}
