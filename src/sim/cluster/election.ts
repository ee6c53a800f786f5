/**
 * Elections and step-downs (etcd/raft as SwarmKit configures it): a candidate takes the next
 * term and asks every member it can reach; a member votes once per term, not for a candidate
 * whose log is behind its own, and not while it still hears a live leader (CheckQuorum's
 * leader lease); a majority of all members wins. A leader steps down when it meets a higher
 * term or lacks a quorum for ElectionTick ticks.
 */
import { ELECTION_TICK, TICK_MS } from './defaults';
import { connected, quorumOf, swarmRunning } from './net';
import { drawTimeout, follower, logOf, write } from './raftBase';
import type { ClusterRuntime } from './runtime';
import { clusterEndpoint as ep } from './trace';
import type { NodeId, RaftPeer } from './types';

export function stepDown(rt: ClusterRuntime, term: number, why: string): void {
  const raft = rt.world.raft;
  const id = raft.leader;
  if (!id) return;
  const peers: Record<NodeId, RaftPeer> = {};
  for (const m of raft.members) {
    const p = raft.peers[m];
    if (!p) continue;
    peers[m] =
      connected(rt, id, m) || m === id
        ? { ...follower(rt, Math.max(term, p.term), false), logIndex: logOf(rt, p) }
        : p;
  }
  rt.emit('raft', ep.manager(id), ep.manager(id), `${id} steps down: ${why}`);
  write(
    rt,
    { ...raft, term: Math.max(raft.term, term), leader: null, peers },
    `no leader (term ${term})`,
  );
}

/** A candidate asks every member it reaches; true if it won. */
export function campaign(rt: ClusterRuntime, id: NodeId): boolean {
  const raft = rt.world.raft;
  const me = raft.peers[id];
  if (!me) return false;
  const term = me.term + 1;
  const peers: Record<NodeId, RaftPeer> = { ...raft.peers };
  const myLog = logOf(rt, me);
  peers[id] = {
    ...me,
    role: 'candidate',
    term,
    votedFor: id,
    silentSince: rt.now,
    logIndex: myLog,
    electionTimeout: drawTimeout(rt),
  };
  let votes = 1;
  let higher = 0;
  const leaderAlive = raft.leader !== null && swarmRunning(rt, raft.leader);
  for (const m of raft.members) {
    if (m === id || !connected(rt, id, m)) continue;
    const v = peers[m]!;
    rt.emit('raft', ep.manager(id), ep.manager(m), `RequestVote (term ${term})`);
    const inLease = leaderAlive && v.silentSince === null && connected(rt, m, raft.leader!);
    if (inLease) continue;
    if (v.term > term) {
      higher = Math.max(higher, v.term);
      continue;
    }
    const free = v.term < term || v.votedFor === null || v.votedFor === id;
    const grant = free && myLog >= logOf(rt, v);
    peers[m] = {
      ...v,
      term,
      role: 'follower',
      votedFor: grant ? id : v.term < term ? null : v.votedFor,
      logIndex: logOf(rt, v),
      silentSince: grant ? rt.now : (v.silentSince ?? rt.now),
    };
    if (grant) {
      votes++;
      rt.emit('raft', ep.manager(m), ep.manager(id), `vote granted (term ${term})`);
    } else rt.emit('raft', ep.manager(m), ep.manager(id), `vote refused (term ${term})`);
  }
  const won = higher === 0 && votes >= quorumOf(raft.members.length);
  if (won) {
    peers[id] = { ...peers[id]!, role: 'leader', silentSince: null, quorumLostSince: null };
    for (const m of raft.members)
      if (m !== id && connected(rt, id, m)) peers[m] = { ...peers[m]!, silentSince: null };
  } else if (higher > 0)
    peers[id] = { ...peers[id]!, role: 'follower', term: higher, votedFor: null };
  const label = won
    ? `${id} elected leader (term ${term}, ${votes} of ${raft.members.length} votes)`
    : `${id} campaigns for term ${term}: ${votes} of ${raft.members.length} votes, no majority`;
  write(
    rt,
    { ...raft, term: Math.max(raft.term, term, higher), leader: won ? id : raft.leader, peers },
    label,
    ep.manager(id),
  );
  return won;
}

/**
 * A leader cut off from the others still believes it leads (its term is older than the new
 * leader's) until CheckQuorum makes it step down, ElectionTick ticks later.
 */
export function stepDownStaleLeaders(rt: ClusterRuntime): void {
  const raft = rt.world.raft;
  for (const m of raft.members) {
    const p = raft.peers[m];
    if (!p || p.role !== 'leader' || m === raft.leader || !swarmRunning(rt, m)) continue;
    const since = p.quorumLostSince ?? rt.now;
    const next: RaftPeer =
      rt.now - since >= ELECTION_TICK * TICK_MS
        ? { ...follower(rt, p.term, false), logIndex: p.logIndex }
        : { ...p, quorumLostSince: since };
    const label =
      next.role === 'follower'
        ? `${m} steps down: quorum lost (CheckQuorum)`
        : `${m} lacks a quorum`;
    write(
      rt,
      { ...rt.world.raft, peers: { ...rt.world.raft.peers, [m]: next } },
      label,
      ep.manager(m),
    );
  }
}
