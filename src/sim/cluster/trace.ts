/**
 * The cluster's trace: what happened between the machines, stamped with virtual time, in the
 * same shape as a host's trace (src/sim/trace.ts). Each machine's own trace (its dockerd,
 * containerd, shims) lives in its Simulation; this one carries the Swarm traffic.
 *
 * Endpoints (diagram node ids):
 *   user             who typed or pulled the plug
 *   cluster          every machine at once (time passing)
 *   node-N           the machine itself (power, network)
 *   node-N:dockerd   that machine's dockerd, answering the Engine API
 *   node-N:manager   the SwarmKit manager inside that dockerd (a Raft member)
 *   node-N:agent     the SwarmKit agent inside that dockerd (runs the node's tasks)
 *   raft             the replicated store: a write is proposed to it and committed
 *   dispatcher       the leader's dispatcher: heartbeats in, task assignments out
 *   orchestrator     the leader's orchestrators (replicated, global, restarts, updates)
 *   scheduler        the leader's scheduler: pending task -> node
 *
 * Steady Raft heartbeats (one per second from the leader to each follower) are not traced:
 * a view draws them from `world.raft` (leader, members, who is in contact). Everything that
 * changes something is.
 */
import type { TraceEntryOf } from '../trace';
import type { ClusterChange } from './changes';

export type ClusterTraceKind =
  /** A user's input: an API request on a machine, a typed line, a power or network fault. */
  | 'input'
  /** A control API call: dockerd -> its manager -> the leader, and the answer. */
  | 'control'
  /** Raft: RequestVote, votes, a new leader, a step down, entries replicated and committed. */
  | 'raft'
  /** An agent's heartbeat to the dispatcher (or its session being registered). */
  | 'heartbeat'
  /** The dispatcher hands a node its tasks (assignments). */
  | 'assign'
  /** An agent reports a task's status to the dispatcher. */
  | 'status'
  /** Something worth narrating (the scheduler found no node, an update paused). */
  | 'note'
  /** A change of the cluster world; `change` holds it. */
  | 'state';

export type ClusterEndpoint = string;

/** seq, t, kind, from, to, label, detail?, change? as in a host's trace (src/sim/trace.ts). */
export type ClusterTraceEntry = TraceEntryOf<ClusterTraceKind, ClusterChange>;

export const clusterEndpoint = {
  machine: (node: string): ClusterEndpoint => node,
  dockerd: (node: string): ClusterEndpoint => `${node}:dockerd`,
  manager: (node: string): ClusterEndpoint => `${node}:manager`,
  agent: (node: string): ClusterEndpoint => `${node}:agent`,
} as const;
