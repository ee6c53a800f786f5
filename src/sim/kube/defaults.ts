/**
 * Kubernetes' defaults that shape what a learner sees, with where they come from. Versions
 * are those of the simulated cluster (a kubeadm cluster on containerd).
 */

export const KUBE_VERSION = 'v1.33.1';
export const CONTAINERD_VERSION = 'containerd://2.0.5';
export const API_PORT = 6443;
/** The control-plane node's address: where kubectl finds the API server. */
export const CONTROL_PLANE_ADDRESS = '10.0.0.10';
export const NAMESPACE = 'default';

/**
 * The kubelet renews its node's Lease every 10 s: a quarter of nodeLeaseDurationSeconds (40).
 * Source: kubernetes.io/docs/concepts/architecture/nodes/#node-heartbeats.
 */
export const LEASE_RENEW_MS = 10_000;
/** The node lifecycle controller checks the leases every node-monitor-period (5 s). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/**
 * A node whose lease is older than node-monitor-grace-period becomes NotReady (Unknown).
 * 50 s since Kubernetes 1.32 (40 s before). Source: kubernetes/kubernetes#126287.
 */
export const NODE_MONITOR_GRACE_MS = 50_000;
/**
 * Pods tolerate node.kubernetes.io/unreachable:NoExecute for 300 s (the DefaultTolerationSeconds
 * admission plugin); then the taint eviction controller deletes them and their ReplicaSet makes
 * replacements. Source: kube-apiserver --default-unreachable-toleration-seconds.
 */
export const UNREACHABLE_TOLERATION_MS = 300_000;
/** terminationGracePeriodSeconds: SIGTERM, then SIGKILL after 30 s. */
export const TERMINATION_GRACE_MS = 30_000;

/*
 * How long each step takes here is illustrative (real clusters vary by machine and network):
 * long enough to see ContainerCreating, short enough not to wait for.
 */
export const WATCH_DELAY_MS = 20;
export const STEP_MS: Readonly<Record<string, number>> = {
  runSandbox: 400,
  pullImage: 1_500,
  createContainer: 150,
  startContainer: 150,
  /** nginx and the control plane stop at once on SIGTERM. */
  stopContainer: 200,
  removeSandbox: 150,
};
/** A powered-on machine: systemd starts containerd, then the kubelet. */
export const BOOT_MS = 3_000;

/** Taints, as the control plane writes them. */
export const TAINT = {
  controlPlane: 'node-role.kubernetes.io/control-plane',
  unreachable: 'node.kubernetes.io/unreachable',
  unschedulable: 'node.kubernetes.io/unschedulable',
} as const;
