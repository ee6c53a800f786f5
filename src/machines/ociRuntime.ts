/**
 * The OCI runtime state of a container, as runc reports it (`runc state`, `runc list`):
 * creating, created, running, stopped (runtime-spec runtime.md), plus runc's own `paused`.
 *
 * Contract: the rules of the OCI operations. `start` is an error unless the container is
 * `created`; `kill` works only in `created` or `running`; `delete` only in `stopped`.
 * There is no stop operation: stopping is `kill` and waiting for the exit.
 */
import { setup } from 'xstate';

export type OciEvent =
  | { type: 'CREATED' }
  | { type: 'START' }
  | { type: 'KILL' }
  | { type: 'PROCESS_EXITED' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'DELETE' };

export const ociRuntimeMachine = setup({
  types: { events: {} as OciEvent },
}).createMachine({
  id: 'oci',
  initial: 'creating',
  states: {
    creating: {
      description: '`runc create` is building namespaces, cgroups and the rootfs from config.json.',
      on: { CREATED: 'created', PROCESS_EXITED: 'stopped' },
    },
    created: {
      description: '`runc init` waits on exec.fifo; the user program has not run yet.',
      on: { START: 'running', KILL: 'created', PROCESS_EXITED: 'stopped' },
    },
    running: {
      description:
        "`runc start` opened the FIFO and `runc init` exec'd the user program in the same PID.",
      on: { KILL: 'running', PROCESS_EXITED: 'stopped', PAUSE: 'paused' },
    },
    paused: {
      description:
        "runc's extra state: every process of the container is frozen by the cgroup freezer.",
      on: { RESUME: 'running', KILL: 'paused', PROCESS_EXITED: 'stopped' },
    },
    stopped: {
      description: 'The container process has exited; `runc delete` may now undo what create did.',
      on: { DELETE: 'deleted' },
    },
    deleted: { type: 'final', description: 'runc delete removed the state directory and cgroup.' },
  },
});
