/**
 * The Docker container lifecycle as dockerd reports it (`docker ps`, `State.Status`):
 * created, running, paused, restarting, removing, exited, dead (moby api/types/container/state.go).
 *
 * Contract: this machine is the single source of which container operations are legal in
 * which state. The simulation asks it (see src/sim/lifecycle.ts) before acting, and the
 * inspector draws it. It holds no context: the world keeps the data, the machine the rules.
 */
import { setup } from 'xstate';

export type ContainerEvent =
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'UNPAUSE' }
  | { type: 'EXITED'; willRestart: boolean }
  | { type: 'RESTART_DUE' }
  | { type: 'STOP_REQUESTED' }
  | { type: 'REMOVE' }
  | { type: 'REMOVED' }
  | { type: 'REMOVAL_FAILED' };

export const containerMachine = setup({
  types: { events: {} as ContainerEvent },
  guards: {
    /** The restart policy (no, on-failure[:N], always, unless-stopped) wants a restart. */
    restartPolicyApplies: ({ event }) => event.type === 'EXITED' && event.willRestart,
  },
}).createMachine({
  id: 'container',
  initial: 'created',
  states: {
    created: {
      description:
        '`docker create` stored the config and prepared the writable layer; no shim, no runc yet.',
      on: { START: 'running', REMOVE: 'removing' },
    },
    running: {
      description: "The task runs under its shim; the user program was exec'd by `runc start`.",
      on: {
        PAUSE: 'paused',
        EXITED: [{ guard: 'restartPolicyApplies', target: 'restarting' }, { target: 'exited' }],
      },
    },
    paused: {
      description: 'Frozen by the cgroup freezer; the process cannot see it, unlike SIGSTOP.',
      on: {
        UNPAUSE: 'running',
        EXITED: [{ guard: 'restartPolicyApplies', target: 'restarting' }, { target: 'exited' }],
      },
    },
    restarting: {
      description:
        'The process exited and the restart policy waits (back-off from 100 ms, doubling) to start it again.',
      on: { RESTART_DUE: 'running', STOP_REQUESTED: 'exited', REMOVE: 'removing' },
    },
    exited: {
      description:
        'The process has exited; the container and its writable layer remain until `docker rm`.',
      on: { START: 'running', REMOVE: 'removing' },
    },
    removing: {
      description:
        'dockerd is deleting the container, its writable layer and anonymous volumes if asked.',
      on: { REMOVED: 'removed', REMOVAL_FAILED: 'dead' },
    },
    dead: {
      description: 'Removal failed; dockerd retries the clean-up when it restarts.',
      on: { REMOVE: 'removing' },
    },
    removed: { type: 'final', description: 'Gone: nothing of the container is left.' },
  },
});
