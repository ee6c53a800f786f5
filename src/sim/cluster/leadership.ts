/**
 * What follows a change of leader. The old leader's dispatcher sessions and updaters were in
 * its memory and are gone. A new leader's dispatcher marks the nodes unknown and waits for
 * them to register; its orchestrators look at every service again (finishing interrupted
 * updates), and the restart supervisor picks up the tasks still waiting to start.
 */
import { dispatcherStarted, dispatcherStopped } from './dispatcher';
import type { RaftOutcome } from './raft';
import { refreshManagerStatus } from './raft';
import type { ClusterRuntime } from './runtime';
import { dropUpdaters } from './update';

export function afterRaft(rt: ClusterRuntime, out: RaftOutcome): void {
  if (out.lost || out.elected) {
    dispatcherStopped(rt);
    dropUpdaters(rt);
  }
  if (out.elected) leaderStarted(rt);
  refreshManagerStatus(rt);
}

export function leaderStarted(rt: ClusterRuntime): void {
  dispatcherStarted(rt);
  rt.nodesChanged = true;
  for (const t of Object.values(rt.world.tasks))
    if (t.desiredState === 'ready' && t.startAfter !== null)
      rt.scheduleOnce(Math.max(0, t.startAfter - rt.now), { kind: 'delayedStart', task: t.id });
}
