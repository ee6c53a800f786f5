/**
 * dockerd, the Docker Engine daemon: the Engine API server, container records, images,
 * networks (libnetwork), volumes, logging, restart policies. Its death does not kill
 * containers (since 1.11); what it does to them on a clean stop and on restart depends on
 * `live-restore`.
 */
import { setup } from 'xstate';

export type DockerdEvent =
  | { type: 'START' }
  | { type: 'RESTORED' }
  | { type: 'STOP' }
  | { type: 'STOPPED' }
  | { type: 'RELOAD' }
  | { type: 'KILLED' }
  | { type: 'AUTO_RESTART_SCHEDULED' };

export const dockerdMachine = setup({
  types: { events: {} as DockerdEvent },
}).createMachine({
  id: 'dockerd',
  initial: 'down',
  states: {
    down: {
      description: 'No daemon: nothing listens on /var/run/docker.sock, so the CLI cannot connect.',
      on: { START: 'restoring', AUTO_RESTART_SCHEDULED: 'restarting' },
    },
    restarting: {
      description: 'systemd waits RestartSec (2 s for docker.service) before starting it again.',
      on: { START: 'restoring', STOP: 'down' },
    },
    restoring: {
      description:
        'Starting: loading container records and asking containerd which tasks are alive. Without live-restore it shuts those down; with it, it reconnects.',
      on: { RESTORED: 'up', KILLED: 'down' },
    },
    up: {
      description: 'Serving the Engine API.',
      on: { STOP: 'stopping', KILLED: 'down', RELOAD: 'up' },
    },
    stopping: {
      description:
        'Clean shutdown (SIGTERM): without live-restore every running container is stopped first.',
      on: { STOPPED: 'down', KILLED: 'down' },
    },
  },
});
