/**
 * The Kubernetes cluster's trace, in the same shape as a host's (src/sim/trace.ts): messages
 * between endpoints, stamped with virtual time. Labels are what really travels:
 * `POST /api/v1/namespaces/default/pods`, `RunPodSandbox`, `runc create`, `SIGTERM`.
 *
 * Endpoints (diagram node ids):
 *   user, kubectl                 who typed or pulled the plug; the client
 *   apiserver, etcd               the API server and its store (on the control-plane node)
 *   scheduler, controller-manager the control plane's loops (deployment, replicaset,
 *                                 daemonset, node lifecycle and taint eviction controllers)
 *   registry                      where images come from
 *   <node>                        the machine itself (power, network)
 *   <node>:kubelet                that node's kubelet
 *   <node>:containerd             containerd with its CRI plugin (namespace k8s.io)
 *   <node>:shim:<pod>             the pod's one containerd-shim-runc-v2
 *   <node>:runc                   runc, run by the shim for create, start, kill, delete
 *   <node>:pod:<pod>              the pod's processes (pause and the app)
 */
import type { TraceEntryOf } from '../trace';

export type KubeTraceKind =
  /** A user's input: a kubectl write, a typed line, a fault. */
  | 'input'
  /** An API server request (kubectl, a controller, the scheduler or a kubelet) or its answer. */
  | 'api'
  /** The API server writes to etcd. */
  | 'etcd'
  /** A watch event the API server pushes to a controller or a kubelet. */
  | 'watch'
  /** The kubelet calls containerd's CRI plugin (gRPC). */
  | 'cri'
  /** containerd talks to a pod's shim (ttRPC). */
  | 'ttrpc'
  /** A process runs a binary (containerd starts a shim; the shim runs runc; runc the app). */
  | 'exec'
  | 'signal'
  | 'exit'
  /** Image layers from the registry. */
  | 'registry'
  /** The kubelet renews its node's Lease. */
  | 'heartbeat'
  /** Something worth narrating (no node fits a pod, a node is not ready). */
  | 'note';

export type KubeTraceEntry = TraceEntryOf<KubeTraceKind, never>;

export const kubeEndpoint = {
  kubelet: (node: string) => `${node}:kubelet`,
  containerd: (node: string) => `${node}:containerd`,
  shim: (node: string, pod: string) => `${node}:shim:${pod}`,
  runc: (node: string) => `${node}:runc`,
  pod: (node: string, pod: string) => `${node}:pod:${pod}`,
} as const;
