/**
 * containerd, the container runtime daemon under dockerd. It can die and come back without
 * taking containers with it: on start-up it walks its state directory and reconnects to the
 * shims it finds (bootstrap.json), deleting those it cannot reach.
 */
import { setup } from 'xstate';

export type ContainerdEvent =
  | { type: 'START' }
  | { type: 'SHIMS_LOADED' }
  | { type: 'STOP' }
  | { type: 'STOPPED' }
  | { type: 'KILLED' }
  | { type: 'AUTO_RESTART_SCHEDULED' };

export const containerdMachine = setup({
  types: { events: {} as ContainerdEvent },
}).createMachine({
  id: 'containerd',
  initial: 'down',
  states: {
    down: {
      description:
        'No containerd process: no new containers, but running ones keep running under their shims.',
      on: { START: 'reconnecting', AUTO_RESTART_SCHEDULED: 'restarting' },
    },
    restarting: {
      description:
        'systemd waits RestartSec before starting the crashed service again (Restart=always).',
      on: { START: 'reconnecting', STOP: 'down' },
    },
    reconnecting: {
      description:
        "Starting: re-reading each shim's address from the state directory and reconnecting.",
      on: { SHIMS_LOADED: 'up', KILLED: 'down' },
    },
    up: {
      description:
        'Serving gRPC on /run/containerd/containerd.sock: containers, tasks, images, snapshots.',
      on: { STOP: 'stopping', KILLED: 'down' },
    },
    stopping: {
      description: 'Shutting down cleanly; shims and containers are left running.',
      on: { STOPPED: 'down', KILLED: 'down' },
    },
  },
});
