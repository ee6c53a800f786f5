/**
 * What a task is doing, in the few words a badge can carry: SwarmKit's fourteen task states
 * folded into phases a student can see at a glance, from the task's own record (observed
 * state and desired state).
 * Contract: pure. A task whose desired state is `shutdown` or `remove` but which still runs is
 * `stopping` (its node has been asked to shut it down). On a node the managers see as down, a
 * task that has not ended is `lost`: its last report is all they know (a partitioned machine
 * may well still run it; a powered-off one does not), and its slot is run elsewhere. Ended
 * tasks stay visible for a moment (LINGER_MS of virtual time after their last change) so their
 * end is seen; then only `docker service ps` history has them.
 */
import { isFinal } from '../../sim/cluster/tasks';
import type { SwarmTask, TaskState } from '../../sim/cluster/types';

export type TaskPhase = 'starting' | 'running' | 'stopping' | 'lost' | 'ended' | 'failed';

/** Phases in the order a badge list and an aggregate show them. */
export const TASK_PHASES: readonly TaskPhase[] = [
  'running',
  'starting',
  'stopping',
  'lost',
  'failed',
  'ended',
];

/** How long (virtual ms) an ended task stays on its node's card. */
export const LINGER_MS = 3000;

const FAILED: ReadonlySet<TaskState> = new Set(['failed', 'rejected', 'orphaned']);

/** `nodeDown`: the managers see the task's node as down. */
export function taskPhase(
  task: Pick<SwarmTask, 'state' | 'desiredState'>,
  nodeDown = false,
): TaskPhase {
  if (FAILED.has(task.state)) return 'failed';
  if (isFinal(task.state)) return 'ended';
  if (nodeDown) return 'lost';
  // `ready` is wanted too: a replacement prepared but held back (restart delay, an update).
  if (task.desiredState === 'shutdown' || task.desiredState === 'remove') return 'stopping';
  return task.state === 'running' ? 'running' : 'starting';
}

/** Shown on a node's card: live tasks, and ended ones for LINGER_MS after they ended. */
export function isShownOnNode(task: SwarmTask, now: number): boolean {
  return !isFinal(task.state) || now - task.stateAt < LINGER_MS;
}
