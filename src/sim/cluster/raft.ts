/**
 * Raft among the managers, at the level a student can watch: terms, votes, one leader, and
 * quorum. Time moves in ticks of 1 s (TICK_MS). Each tick:
 * - a leader that cannot reach a majority of the members for ElectionTick ticks steps down
 *   (etcd/raft CheckQuorum, which SwarmKit turns on);
 * - a leader that meets a member with a higher term steps down (SwarmKit does not use
 *   PreVote, so a manager that campaigned alone while cut off disrupts the leader on return);
 * - a follower that has heard no leader for its election timeout (10 to 19 ticks) campaigns:
 *   it takes the next term, votes for itself and asks the members it can reach. A member
 *   votes once per term, not for a candidate whose log is behind its own, and not at all
 *   while it still hears a live leader. A majority of all members makes it the leader.
 * So N managers tolerate floor((N-1)/2) failures; with fewer alive, nobody wins.
 * Steady heartbeats are not traced; elections, votes and step-downs are.
 */
import { ELECTION_TICK, SWARM_PORT, TICK_MS } from './defaults';
import { connected, membersInContact, quorumOf, swarmRunning } from './net';
import type { ClusterRuntime } from './runtime';
import { clusterEndpoint as ep } from './trace';
import type { ManagerStatus, NodeId, RaftPeer } from './types';
import { campaign, stepDown, stepDownStaleLeaders } from './election';
import { follower, logOf, write, type RaftOutcome } from './raftBase';
import { patchNode } from './store';

export type { RaftOutcome } from './raftBase';

/** `docker swarm init`: the first manager is the only member and the leader of term 1. */
export function bootstrap(rt: ClusterRuntime, id: NodeId, term = 1): void {
  const leader: RaftPeer = { ...follower(rt, term, true), role: 'leader', votedFor: id };
  write(
    rt,
    { term, leader: id, members: [id], peers: { [id]: leader } },
    `${id} leads (term ${term})`,
    ep.manager(id),
  );
}

/** A manager joins (or a worker is promoted): a follower in contact with the leader. */
export function addMember(rt: ClusterRuntime, id: NodeId): void {
  const raft = rt.world.raft;
  if (raft.members.includes(id)) return;
  const inContact = raft.leader !== null && connected(rt, raft.leader, id);
  write(
    rt,
    {
      ...raft,
      members: [...raft.members, id],
      peers: { ...raft.peers, [id]: follower(rt, raft.term, inContact) },
    },
    `raft: ${id} added as a member`,
  );
}

/** A manager is demoted or leaves. A leader hands over first (TransferLeadership). */
export function removeMember(rt: ClusterRuntime, id: NodeId): RaftOutcome {
  const raft = rt.world.raft;
  if (!raft.members.includes(id)) return { elected: null, lost: false };
  const peers = { ...raft.peers };
  delete peers[id];
  const wasLeader = raft.leader === id;
  write(
    rt,
    {
      ...raft,
      leader: wasLeader ? null : raft.leader,
      members: raft.members.filter((m) => m !== id),
      peers,
    },
    `raft: ${id} removed from the members`,
  );
  if (!wasLeader) return { elected: null, lost: false };
  const successor = rt.world.raft.members.find((m) => connected(rt, id, m));
  if (!successor) return { elected: null, lost: true };
  rt.emit('raft', ep.manager(id), ep.manager(successor), 'MsgTimeoutNow (transfer leadership)');
  return { elected: campaign(rt, successor) ? successor : null, lost: true };
}

/** `docker swarm init --force-new-cluster`: this manager alone, leader of a new term. */
export function forceNewCluster(rt: ClusterRuntime, id: NodeId): void {
  const term =
    Math.max(rt.world.raft.term, ...Object.values(rt.world.raft.peers).map((p) => p.term)) + 1;
  rt.emit('raft', ep.manager(id), 'raft', 'force new cluster: every other member removed');
  bootstrap(rt, id, term);
}

/** A member's machine or dockerd came back: it restarts as a follower that heard no one. */
export function memberBooted(rt: ClusterRuntime, id: NodeId): void {
  const raft = rt.world.raft;
  const p = raft.peers[id];
  if (!p) return;
  write(
    rt,
    {
      ...raft,
      peers: { ...raft.peers, [id]: { ...follower(rt, p.term, false), logIndex: p.logIndex } },
    },
    `${id} raft restarted`,
  );
}

/** A leader whose process is gone is no leader: the others notice by its silence. */
export function dropDeadLeader(rt: ClusterRuntime): boolean {
  const raft = rt.world.raft;
  if (!raft.leader || swarmRunning(rt, raft.leader)) return false;
  const id = raft.leader;
  const p = raft.peers[id];
  const peers = p
    ? {
        ...raft.peers,
        [id]: { ...p, role: 'follower' as const, logIndex: rt.world.index, silentSince: rt.now },
      }
    : raft.peers;
  write(rt, { ...raft, leader: null, peers }, `leader ${id} is gone`);
  return true;
}

/** One Raft tick for every member. */
export function raftTick(rt: ClusterRuntime): RaftOutcome {
  const out: RaftOutcome = { elected: null, lost: dropDeadLeader(rt) };
  const leader = rt.world.raft.leader;
  if (leader) {
    const raft = rt.world.raft;
    const higher = Math.max(
      0,
      ...raft.members.filter((m) => connected(rt, leader, m)).map((m) => raft.peers[m]?.term ?? 0),
    );
    const lp = raft.peers[leader]!;
    if (higher > lp.term) {
      stepDown(rt, higher, `a member has term ${higher}`);
      out.lost = true;
    } else {
      const quorate = membersInContact(rt, leader) >= quorumOf(raft.members.length);
      const since = quorate ? null : (lp.quorumLostSince ?? rt.now);
      if (!quorate && rt.now - since! >= ELECTION_TICK * TICK_MS) {
        stepDown(rt, lp.term, 'quorum lost (CheckQuorum)');
        out.lost = true;
      } else {
        const peers: Record<NodeId, RaftPeer> = {
          ...raft.peers,
          [leader]: { ...lp, quorumLostSince: since },
        };
        const lost: NodeId[] = [];
        const back: NodeId[] = [];
        for (const m of raft.members) {
          const p = raft.peers[m]!;
          if (m === leader || !swarmRunning(rt, m)) continue;
          if (connected(rt, leader, m)) {
            if (p.silentSince !== null || p.term !== lp.term || p.role !== 'follower') {
              peers[m] = {
                ...p,
                role: 'follower',
                term: lp.term,
                silentSince: null,
                logIndex: rt.world.index,
              };
              back.push(m);
            }
          } else if (p.silentSince === null) {
            peers[m] = { ...p, silentSince: rt.now - TICK_MS, logIndex: rt.world.index };
            lost.push(m);
          }
        }
        const parts = [
          ...(lost.length > 0 ? [`${leader} lost contact with ${lost.join(', ')}`] : []),
          ...(back.length > 0
            ? [`${back.join(', ')} follow${back.length === 1 ? 's' : ''} ${leader}`]
            : []),
          ...(since !== lp.quorumLostSince
            ? [since === null ? `${leader} has a quorum again` : `${leader} lacks a quorum`]
            : []),
        ];
        write(rt, { ...raft, peers }, parts.join('; ') || 'raft contact');
      }
    }
  }
  stepDownStaleLeaders(rt);
  for (const m of rt.world.raft.members) {
    const raft = rt.world.raft;
    const p = raft.peers[m];
    if (!p || p.role === 'leader' || !swarmRunning(rt, m)) continue;
    if (raft.leader && connected(rt, m, raft.leader)) continue;
    if (p.silentSince === null) {
      // The last heartbeat came at the previous tick.
      const since = rt.now - TICK_MS;
      write(
        rt,
        {
          ...raft,
          peers: { ...raft.peers, [m]: { ...p, silentSince: since, logIndex: logOf(rt, p) } },
        },
        `${m} hears no leader`,
      );
      continue;
    }
    if (rt.now - p.silentSince >= p.electionTimeout * TICK_MS && campaign(rt, m)) out.elected = m;
  }
  return out;
}

/** `docker node ls` MANAGER STATUS, as the leader (or the member itself) sees the members. */
export function refreshManagerStatus(rt: ClusterRuntime): void {
  const raft = rt.world.raft;
  for (const node of Object.values(rt.world.nodes)) {
    let status: ManagerStatus | null = null;
    if (raft.members.includes(node.id)) {
      const viewer = raft.leader ?? node.id;
      status = {
        leader: raft.leader === node.id,
        reachability: connected(rt, viewer, node.id) ? 'reachable' : 'unreachable',
        addr: `${node.addr}:${SWARM_PORT}`,
      };
    }
    if (JSON.stringify(status) !== JSON.stringify(node.managerStatus))
      patchNode(
        rt,
        node.id,
        { managerStatus: status },
        ep.manager(node.id),
        `${node.id} manager status`,
        false,
      );
  }
}
