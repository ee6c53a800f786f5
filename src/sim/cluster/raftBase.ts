/**
 * Raft's small pieces shared by the tick (raft.ts) and elections (election.ts): a member's
 * randomized election timeout, a fresh follower, the log a member holds, and writing the Raft
 * state as one traced change.
 */
import { ELECTION_TICK } from './defaults';
import type { ClusterRuntime } from './runtime';
import type { NodeId, RaftPeer, RaftState } from './types';

export interface RaftOutcome {
  /** A member became leader during this call. */
  elected: NodeId | null;
  /** The leader stepped down or died during this call. */
  lost: boolean;
}

export function drawTimeout(rt: ClusterRuntime): number {
  return ELECTION_TICK + rt.jitter(0, ELECTION_TICK - 1);
}

export function follower(rt: ClusterRuntime, term: number, inContact: boolean): RaftPeer {
  return {
    role: 'follower',
    term,
    votedFor: null,
    electionTimeout: drawTimeout(rt),
    silentSince: inContact ? null : rt.now,
    quorumLostSince: null,
    logIndex: rt.world.index,
  };
}

/** The log a member holds: everything if it hears the leader, else what it had then. */
export function logOf(rt: ClusterRuntime, p: RaftPeer): number {
  return p.silentSince === null && p.role !== 'candidate' ? rt.world.index : p.logIndex;
}

export function write(rt: ClusterRuntime, next: RaftState, label: string, at = 'raft'): void {
  if (JSON.stringify(next) === JSON.stringify(rt.world.raft)) return;
  rt.emit('raft', at, at, label, undefined, { op: 'raft', raft: next });
}
