/**
 * containerd-shim-runc-v2 (and its ancestors docker-containerd-shim): one per container in
 * Docker. containerd runs `shim start`; the launcher starts a long-running shim serving ttRPC
 * on a unix socket and exits. The shim invokes runc, is the subreaper of the container's init,
 * reaps it and publishes TaskExit. It outlives containerd and dockerd; if the shim dies, its
 * container is killed (containerd runs `shim delete`, which runs `runc delete --force`: 137).
 */
import { setup } from 'xstate';

export type ShimEvent =
  { type: 'SERVING' } | { type: 'TASK_EXITED' } | { type: 'SHUTDOWN' } | { type: 'KILLED' };

export const shimMachine = setup({
  types: { events: {} as ShimEvent },
}).createMachine({
  id: 'shim',
  initial: 'launching',
  states: {
    launching: {
      description:
        'containerd ran `containerd-shim-runc-v2 start`; the launcher forks the real shim and exits.',
      on: { SERVING: 'serving', KILLED: 'killed' },
    },
    serving: {
      description:
        "Serving ttRPC (Create, Start, Kill, Wait, Delete) and holding the container's stdio.",
      on: { TASK_EXITED: 'reaped', KILLED: 'killed', SHUTDOWN: 'exited' },
    },
    reaped: {
      description:
        'The container exited; the shim reaped it, kept the exit status and published TaskExit.',
      on: { SHUTDOWN: 'exited', KILLED: 'killed' },
    },
    exited: { type: 'final', description: 'Task deleted; the shim shut down cleanly.' },
    killed: { type: 'final', description: 'The shim was killed; its container is killed with it.' },
  },
});
