/**
 * One invocation of the runc binary. runc is a short-lived CLI: every operation (create,
 * start, kill, delete, pause, resume, state) is a separate process that does its job and
 * exits. Nothing of runc stays behind but `runc init` after `runc create`, which becomes
 * the container's init process.
 */
import { setup } from 'xstate';

export type RuncOperation = 'create' | 'start' | 'kill' | 'delete' | 'pause' | 'resume' | 'state';

export type RuncEvent = { type: 'SUCCEEDED' } | { type: 'FAILED' } | { type: 'KILLED' };

export const runcInvocationMachine = setup({
  types: { events: {} as RuncEvent },
}).createMachine({
  id: 'runc',
  initial: 'running',
  states: {
    running: {
      description:
        "The shim exec'd runc with one operation; runc acts on the container and returns.",
      on: { SUCCEEDED: 'exited', FAILED: 'failed', KILLED: 'killed' },
    },
    exited: { type: 'final', description: 'runc returned 0 and is gone.' },
    failed: {
      type: 'final',
      description: 'runc returned non-zero; the shim reports the error upward.',
    },
    killed: {
      type: 'final',
      description: 'runc was killed mid-operation; the shim reports the failure and cleans up.',
    },
  },
});
