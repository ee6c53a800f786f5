import { describe, expect, it } from 'vitest';
import { nodeCards, serviceLines } from './clusterModel';
import { clusterNews, sameCard, type ClusterSnapshot } from './clusterChanges';
import { raftSummary } from './quorum';
import { node, service, swarm, task, withTasks } from './testWorld';
import type { ClusterWorld } from '../../sim/cluster/types';

function snapshot(world: ClusterWorld): ClusterSnapshot {
  return { nodes: nodeCards(world), services: serviceLines(world), raft: raftSummary(world) };
}

function down(world: ClusterWorld, index: number, role: 'manager' | 'worker'): void {
  world.nodes[`node-${index}`] = node(index, role, {
    state: 'down',
    machine: 'powered-off',
    managerStatus:
      role === 'manager' ? { leader: false, reachability: 'unreachable', addr: '' } : null,
  });
}

describe('cluster news', () => {
  it('says nothing about the first snapshot', () => {
    expect(clusterNews(null, snapshot(swarm(3, 3)))).toEqual([]);
  });

  it('reports a node going down and coming back', () => {
    const before = swarm(3, 3);
    const after = swarm(3, 3);
    down(after, 5, 'worker');
    expect(clusterNews(snapshot(before), snapshot(after))).toEqual([
      { key: 'nodeDown', name: 'node-5' },
    ]);
    expect(clusterNews(snapshot(after), snapshot(before))).toEqual([
      { key: 'nodeReady', name: 'node-5' },
    ]);
  });

  it('reports a new leader with its term, and the quorum lost and regained', () => {
    const before = swarm(3, 0);
    const electing = swarm(3, 0);
    down(electing, 1, 'manager');
    electing.raft = { ...electing.raft, leader: null, term: 2 };
    const elected = swarm(3, 0);
    down(elected, 1, 'manager');
    elected.raft = { ...elected.raft, leader: 'node-2', term: 2 };
    expect(clusterNews(snapshot(before), snapshot(electing))).toEqual([
      { key: 'nodeDown', name: 'node-1' },
    ]);
    expect(clusterNews(snapshot(electing), snapshot(elected))).toEqual([
      { key: 'leader', name: 'node-2', term: 2 },
    ]);
    const lost = swarm(3, 0);
    down(lost, 1, 'manager');
    down(lost, 2, 'manager');
    lost.raft = { ...lost.raft, leader: null };
    expect(clusterNews(snapshot(elected), snapshot(lost))).toEqual([
      { key: 'nodeDown', name: 'node-2' },
      { key: 'quorumLost' },
    ]);
    expect(clusterNews(snapshot(lost), snapshot(elected))).toContainEqual({
      key: 'quorumRegained',
    });
  });

  it('reports a service once it converges', () => {
    const web = service('s1', 'web', { replicated: { replicas: 2 } });
    const converging = withTasks(
      swarm(1, 1),
      [web],
      [task('s1', 1, 'node-1'), task('s1', 2, 'node-2', { state: 'starting' })],
    );
    const converged = withTasks(
      swarm(1, 1),
      [web],
      [task('s1', 1, 'node-1'), task('s1', 2, 'node-2')],
    );
    expect(clusterNews(snapshot(converging), snapshot(converged))).toEqual([
      { key: 'converged', name: 'web', running: 2, desired: 2 },
    ]);
    expect(clusterNews(snapshot(converged), snapshot(converged))).toEqual([]);
  });
});

describe('sameCard', () => {
  it('tells a redraw apart from a card that did not change', () => {
    const web = service('s1', 'web', { replicated: { replicas: 1 } });
    const one = task('s1', 1, 'node-1', { state: 'starting' });
    const a = nodeCards(withTasks(swarm(1, 0), [web], [one]))[0]!;
    const b = nodeCards(withTasks(swarm(1, 0), [web], [one]))[0]!;
    const c = nodeCards(withTasks(swarm(1, 0), [web], [{ ...one, state: 'running' }]))[0]!;
    expect(sameCard(a, b)).toBe(true);
    expect(sameCard(a, c)).toBe(false);
  });
});
