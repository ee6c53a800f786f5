/**
 * Raft arithmetic and the Raft panel's model: how many managers a quorum needs, how many
 * failures N managers tolerate, and whether the quorum holds right now.
 * Contract: pure, reads only the ClusterWorld it is given. A manager counts as reachable when
 * the managers' own record says so (`docker node ls` MANAGER STATUS), not when the view thinks
 * its machine is up.
 */
import type { ClusterWorld, NodeId } from '../../sim/cluster/types';

/** Managers needed for a majority of `managers`: floor(N/2) + 1. */
export function quorumSize(managers: number): number {
  return managers <= 0 ? 0 : Math.floor(managers / 2) + 1;
}

/** Failures N managers survive: floor((N-1)/2) (3 -> 1, 5 -> 2, 7 -> 3). */
export function faultTolerance(managers: number): number {
  return managers <= 0 ? 0 : Math.floor((managers - 1) / 2);
}

/**
 * - `none`: no swarm yet (no Raft members).
 * - `holds`: a majority is reachable and a leader is elected.
 * - `electing`: a majority is reachable but no leader yet (an election is running).
 * - `lost`: fewer than a majority: nothing can be created, scaled or updated.
 */
export type QuorumState = 'none' | 'holds' | 'electing' | 'lost';

export interface RaftSummary {
  readonly term: number;
  readonly leader: NodeId | null;
  readonly leaderHostname: string | null;
  readonly managers: number;
  readonly reachable: number;
  readonly needed: number;
  readonly tolerates: number;
  readonly state: QuorumState;
}

/** No swarm: no managers, no Raft group. */
export const NO_RAFT: RaftSummary = {
  term: 0,
  leader: null,
  leaderHostname: null,
  managers: 0,
  reachable: 0,
  needed: 0,
  tolerates: 0,
  state: 'none',
};

export function raftSummary(world: ClusterWorld): RaftSummary {
  const members = world.raft.members;
  const reachable = members.filter(
    (id) => world.nodes[id]?.managerStatus?.reachability === 'reachable',
  ).length;
  const needed = quorumSize(members.length);
  const leader = world.raft.leader;
  let state: QuorumState;
  if (members.length === 0) state = 'none';
  else if (reachable < needed) state = 'lost';
  else state = leader === null ? 'electing' : 'holds';
  return {
    term: world.raft.term,
    leader,
    leaderHostname: leader === null ? null : (world.nodes[leader]?.hostname ?? leader),
    managers: members.length,
    reachable,
    needed,
    tolerates: faultTolerance(members.length),
    state,
  };
}
