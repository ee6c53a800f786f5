/**
 * A Kubernetes Pod as the API server records it and kubectl shows it. The scheduler binds a
 * pending pod to a node; that node's kubelet asks containerd (through CRI) for the sandbox and
 * the containers; a deleted pod is Terminating until its kubelet confirms the containers are
 * gone, and a pod on a node nobody hears from stays Terminating until that node returns.
 */
import { setup } from 'xstate';

export type PodEvent =
  | { type: 'BIND' }
  | { type: 'CONTAINERS_STARTED' }
  | { type: 'CONTAINERS_LOST' }
  | { type: 'DELETE' }
  | { type: 'CONFIRMED_GONE' };

export const podMachine = setup({
  types: { events: {} as PodEvent },
}).createMachine({
  id: 'pod',
  initial: 'pending',
  states: {
    pending: {
      description:
        'Stored in etcd with no node: the scheduler has not found a node it fits on yet (STATUS Pending).',
      on: { BIND: 'creating', DELETE: 'gone' },
    },
    creating: {
      description:
        "Bound to a node. Its kubelet asks containerd through CRI: RunPodSandbox (the pause container, the pod's IP), PullImage, CreateContainer, StartContainer (ContainerCreating).",
      on: { CONTAINERS_STARTED: 'running', DELETE: 'terminating' },
    },
    running: {
      description:
        'The containers run under one containerd-shim-runc-v2 per pod; the kubelet reports the pod Running and ready.',
      on: { CONTAINERS_LOST: 'creating', DELETE: 'terminating' },
    },
    terminating: {
      description:
        'Deleted (deletionTimestamp set): the kubelet sends SIGTERM, waits up to the grace period (30 s), then SIGKILL, and removes the sandbox. Not counted by its ReplicaSet, which has already made a replacement.',
      on: { CONFIRMED_GONE: 'gone' },
    },
    gone: {
      type: 'final',
      description: 'Removed from etcd: the kubelet confirmed that nothing of it runs any more.',
    },
  },
});
