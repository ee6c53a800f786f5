/**
 * Who can talk to whom. The Swarm parts (manager, agent) live inside dockerd, so they run only
 * while the machine has power and its dockerd is up. A partitioned machine runs on, but its
 * network to the other machines is cut both ways.
 */
import type { ClusterRuntime } from './runtime';
import type { NodeId } from './types';

/** The machine has power and its dockerd (with SwarmKit inside) is up. */
export function swarmRunning(rt: ClusterRuntime, id: NodeId): boolean {
  const node = rt.world.nodes[id];
  if (!node || node.machine === 'powered-off') return false;
  return rt.machine(id).sim.world.services.dockerd.state === 'up';
}

/** Whether `a` and `b` can exchange messages (a machine always reaches itself). */
export function connected(rt: ClusterRuntime, a: NodeId, b: NodeId): boolean {
  if (!swarmRunning(rt, a) || !swarmRunning(rt, b)) return false;
  if (a === b) return true;
  return rt.world.nodes[a]?.machine === 'up' && rt.world.nodes[b]?.machine === 'up';
}

/** A majority of `members`: N managers tolerate floor((N-1)/2) failures. */
export function quorumOf(members: number): number {
  return Math.floor(members / 2) + 1;
}

/** Members in contact with `id` (itself included). */
export function membersInContact(rt: ClusterRuntime, id: NodeId): number {
  return rt.world.raft.members.filter((m) => connected(rt, id, m)).length;
}

/** The leader runs and a majority of the members are in contact with it: writes commit. */
export function canCommit(rt: ClusterRuntime): boolean {
  const leader = rt.world.raft.leader;
  if (!leader || !swarmRunning(rt, leader)) return false;
  return membersInContact(rt, leader) >= quorumOf(rt.world.raft.members.length);
}
