/**
 * The leader's dispatcher (SwarmKit manager/dispatcher) and each agent's session with it.
 * - An agent registers (opens a session): its node becomes `ready`, and it gets its tasks.
 * - It then heartbeats every period (5 s +/- 0.5 s, chosen by the dispatcher each time); the
 *   dispatcher marks the node `down` ("heartbeat failure") when none came for period * 3.
 * - A new leader's dispatcher first moves every node that is not down to `unknown`
 *   (`Node moved to "unknown" state due to leadership change in cluster`); nodes that
 *   register again become ready, the others go down when the same grace runs out.
 * Heartbeats live in the dispatcher's memory: they are traced but not written to Raft; a
 * status change (ready, down) is a Raft write.
 */
import {
  GRACE_MULTIPLIER,
  HEARTBEAT_EPSILON_MS,
  HEARTBEAT_PERIOD_MS,
  SESSION_BACKOFF_MS,
} from './defaults';
import { canCommit, connected, swarmRunning } from './net';
import type { ClusterRuntime } from './runtime';
import { patchNode } from './store';
import { swarmNodes } from './tasks';
import { clusterEndpoint as ep } from './trace';
import type { NodeId } from './types';

/** The period the dispatcher hands out: 5 s +/- 0.5 s. */
function period(rt: ClusterRuntime): number {
  return HEARTBEAT_PERIOD_MS + rt.jitter(-HEARTBEAT_EPSILON_MS, HEARTBEAT_EPSILON_MS);
}

/** The agent on `id` can reach a leader that can commit. */
export function leaderReachable(rt: ClusterRuntime, id: NodeId): boolean {
  const leader = rt.world.raft.leader;
  return leader !== null && connected(rt, id, leader) && canCommit(rt);
}

/** The agent has a live session: it may act on its tasks and report them. */
export function sessionUp(rt: ClusterRuntime, id: NodeId): boolean {
  const node = rt.world.nodes[id];
  return (
    node !== undefined &&
    node.localState === 'active' &&
    node.role !== null &&
    node.state === 'ready' &&
    node.heartbeatDeadline !== null &&
    leaderReachable(rt, id)
  );
}

/** An agent opens a session with the leader's dispatcher. */
export function register(rt: ClusterRuntime, id: NodeId): boolean {
  const node = rt.world.nodes[id];
  if (!node || node.localState !== 'active' || node.role === null || !swarmRunning(rt, id))
    return false;
  if (!leaderReachable(rt, id)) {
    retry(rt, id);
    return false;
  }
  rt.backoff.delete(id);
  const p = period(rt);
  rt.emit('heartbeat', ep.agent(id), 'dispatcher', 'Session (register)');
  if (node.state !== 'ready' || node.statusMessage !== '')
    patchNode(rt, id, { state: 'ready', statusMessage: '' }, 'dispatcher', `${id} ready`);
  patchNode(
    rt,
    id,
    { lastHeartbeat: rt.now, heartbeatDeadline: rt.now + p * GRACE_MULTIPLIER },
    'dispatcher',
    `${id} session open`,
    false,
  );
  rt.cancel((a) => (a.kind === 'heartbeat' || a.kind === 'register') && a.node === id);
  rt.schedule(p, { kind: 'heartbeat', node: id });
  return true;
}

/**
 * The agent tries the managers it knows again: its backoff grows as 100 ms + 2 * backoff, up
 * to 8 s, and each attempt waits a random part of it (swarmkit agent.run, newSession).
 */
function retry(rt: ClusterRuntime, id: NodeId): void {
  const [first, max] = SESSION_BACKOFF_MS;
  const backoff = Math.min(max, first + 2 * (rt.backoff.get(id) ?? 0));
  rt.backoff.set(id, backoff);
  rt.cancel((a) => a.kind === 'register' && a.node === id);
  rt.schedule(rt.jitter(0, backoff - 1), { kind: 'register', node: id });
}

/** An agent's heartbeat is due. */
export function heartbeat(rt: ClusterRuntime, id: NodeId): void {
  const node = rt.world.nodes[id];
  if (!node || node.localState !== 'active' || node.role === null || !swarmRunning(rt, id)) return;
  if (!leaderReachable(rt, id) || node.heartbeatDeadline === null || node.state === 'down') {
    // No dispatcher answers, or the session expired ("node not registered"): register again.
    register(rt, id);
    return;
  }
  const p = period(rt);
  const label = 'Heartbeat';
  rt.emit(
    'heartbeat',
    ep.agent(id),
    'dispatcher',
    label,
    { period: p },
    { op: 'node.heartbeat', id, at: rt.now, deadline: rt.now + p * GRACE_MULTIPLIER },
  );
  rt.schedule(p, { kind: 'heartbeat', node: id });
}

/** Each tick: nodes whose grace ran out are down. */
export function expireSessions(rt: ClusterRuntime): void {
  if (!canCommit(rt)) return;
  for (const id of swarmNodes(rt.world)) {
    const node = rt.world.nodes[id]!;
    if (node.heartbeatDeadline === null || rt.now <= node.heartbeatDeadline) continue;
    const message =
      node.state === 'unknown'
        ? 'heartbeat failure for node in "unknown" state'
        : 'heartbeat failure';
    rt.emit('note', 'dispatcher', 'dispatcher', `${id}: ${message}`);
    patchNode(
      rt,
      id,
      { state: 'down', statusMessage: message, heartbeatDeadline: null },
      'dispatcher',
      `${id} down`,
    );
  }
}

/** A new leader's dispatcher starts: nodes go `unknown` until they register again. */
export function dispatcherStarted(rt: ClusterRuntime): void {
  for (const id of swarmNodes(rt.world)) {
    const node = rt.world.nodes[id]!;
    if (node.state !== 'down') {
      patchNode(
        rt,
        id,
        {
          state: 'unknown',
          statusMessage: 'Node moved to "unknown" state due to leadership change in cluster',
          heartbeatDeadline: rt.now + HEARTBEAT_PERIOD_MS * GRACE_MULTIPLIER,
        },
        'dispatcher',
        `${id} unknown (new leader)`,
      );
    }
  }
}

/**
 * The leader changed or is gone: its dispatcher's memory (sessions, deadlines) went with it,
 * and every agent's session broke; they open new ones with the next leader.
 */
export function dispatcherStopped(rt: ClusterRuntime): void {
  for (const id of swarmNodes(rt.world)) {
    const node = rt.world.nodes[id]!;
    if (node.heartbeatDeadline !== null)
      patchNode(rt, id, { heartbeatDeadline: null }, 'dispatcher', `${id} session closed`, false);
    if (node.localState === 'active' && swarmRunning(rt, id)) {
      rt.backoff.delete(id);
      retry(rt, id);
    }
  }
}
