/**
 * Kubernetes cluster inputs: everything from outside that can change the cluster, as data.
 * API requests are the writes kubectl sends to the API server (reads change nothing and are
 * answered from the world directly, see kubeCluster.ts). A session's log is these inputs
 * stamped with their virtual time; replaying it gives the same trace.
 */

export type KubeRequest =
  | {
      readonly verb: 'createDeployment';
      readonly namespace: string;
      readonly name: string;
      readonly image: string;
      readonly replicas: number;
    }
  | {
      readonly verb: 'scaleDeployment';
      readonly namespace: string;
      readonly name: string;
      readonly replicas: number;
    }
  | { readonly verb: 'deleteDeployment'; readonly namespace: string; readonly name: string }
  | { readonly verb: 'deletePod'; readonly namespace: string; readonly name: string }
  /** The Eviction API (what `kubectl drain` calls for each pod). */
  | { readonly verb: 'evictPod'; readonly namespace: string; readonly name: string }
  | { readonly verb: 'cordon'; readonly node: string }
  | { readonly verb: 'uncordon'; readonly node: string };

export type KubeInput =
  | { readonly kind: 'api'; readonly request: KubeRequest }
  /** A line typed at the kubectl terminal: recorded only (the shell turns it into inputs). */
  | { readonly kind: 'typed'; readonly line: string }
  /** The machine stops at once: every process on it dies. */
  | { readonly kind: 'powerOff'; readonly node: string }
  /** The machine runs on, but its kubelet and the API server cannot reach each other. */
  | { readonly kind: 'partition'; readonly node: string }
  /** Power on (containerd and the kubelet boot again) or heal a partition. */
  | { readonly kind: 'restore'; readonly node: string }
  | { readonly kind: 'advance'; readonly ms: number };

export interface LoggedKubeInput {
  readonly at: number;
  readonly input: KubeInput;
}

/**
 * The API server's answer to a write: ok, or a Status with the HTTP code, the reason
 * (NotFound, AlreadyExists, ...) and the message kubectl prints after `Error from server`.
 * code 0 means the API server could not be reached at all.
 */
export type KubeResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: number;
      readonly reason: string;
      readonly message: string;
    };

export function describeKubeInput(input: KubeInput): string {
  switch (input.kind) {
    case 'api': {
      const r = input.request;
      return 'node' in r ? `${r.verb} ${r.node}` : `${r.verb} ${r.namespace}/${r.name}`;
    }
    case 'typed':
      return `$ ${input.line.length > 200 ? `${input.line.slice(0, 200)}…` : input.line}`;
    case 'powerOff':
      return `power off ${input.node}`;
    case 'partition':
      return `cut ${input.node} off the network`;
    case 'restore':
      return `restore ${input.node}`;
    case 'advance':
      return 'time passes';
  }
}
