/**
 * What a user sees when machines fail: replacements after the heartbeat grace, a new leader
 * after the old one dies, writes refused without quorum while tasks keep running, and
 * `--force-new-cluster` bringing the swarm back.
 */
import { describe, expect, it } from 'vitest';
import { ERR } from './membership';
import { ClusterDriver } from './driver';

function formed(seed: string): ClusterDriver {
  const d = new ClusterDriver({ seed, nodes: 6 });
  d.form(3, 3);
  d.createService('node-1', { name: 'web', replicas: 6 });
  d.advance(10_000);
  return d;
}

describe('node failures', () => {
  it('a powered-off worker is marked down after the grace period, and its task is replaced elsewhere', () => {
    const d = formed('worker-off');
    const lost = d.running('web').find((t) => t.nodeId === 'node-5')!;
    d.cluster.apply({ kind: 'powerOff', node: 'node-5' });
    d.advance(9000);
    expect(d.cluster.world.nodes['node-5']!.state).toBe('ready');
    d.advance(8000);
    expect(d.cluster.world.nodes['node-5']!.state).toBe('down');
    expect(d.cluster.world.nodes['node-5']!.statusMessage).toBe('heartbeat failure');
    d.advance(10_000);
    const running = d.running('web');
    expect(running).toHaveLength(6);
    expect(running.some((t) => t.nodeId === 'node-5')).toBe(false);
    const replacement = running.find((t) => t.slot === lost.slot)!;
    expect(replacement.id).not.toBe(lost.id);
    expect(d.cluster.world.tasks[lost.id]!.desiredState).toBe('shutdown');
  });

  it('the leader dies: after the election timeout another manager leads, with a higher term', () => {
    const d = formed('leader-off');
    expect(d.leader()).toBe('node-1');
    const term = d.cluster.world.raft.term;
    d.cluster.apply({ kind: 'powerOff', node: 'node-1' });
    expect(d.leader()).toBeNull();
    d.advance(25_000);
    const leader = d.leader();
    expect(leader === 'node-2' || leader === 'node-3').toBe(true);
    expect(d.cluster.world.raft.term).toBeGreaterThan(term);
    const nodes = d.api(leader!, 'GET', '/nodes');
    expect(nodes.status).toBe(200);
    d.advance(30_000);
    expect(d.running('web')).toHaveLength(6);
  });

  it('quorum lost: writes are refused with the real error, running tasks keep running', () => {
    const d = formed('quorum');
    d.cluster.apply({ kind: 'powerOff', node: 'node-2' });
    d.cluster.apply({ kind: 'powerOff', node: 'node-3' });
    d.advance(60_000);
    expect(d.leader()).toBeNull();
    const scale = d.scale('node-1', 'web', 8);
    expect(scale.status).toBe(500);
    expect((scale.body as { message: string }).message).toBe(ERR.lostQuorum);
    const create = d.createService('node-1', { name: 'api' });
    expect((create.body as { message: string }).message).toBe(ERR.lostQuorum);
    expect(
      d.containersOn('node-4', 'web') +
        d.containersOn('node-5', 'web') +
        d.containersOn('node-6', 'web'),
    ).toBe(3);
    expect(d.containersOn('node-1', 'web')).toBe(1);
  });

  it('docker swarm init --force-new-cluster on the survivor recovers it, keeping services and tasks', () => {
    const d = formed('force');
    d.cluster.apply({ kind: 'powerOff', node: 'node-2' });
    d.cluster.apply({ kind: 'powerOff', node: 'node-3' });
    d.advance(30_000);
    const forced = d.init('node-1', true);
    expect(forced.status).toBe(200);
    expect(d.leader()).toBe('node-1');
    expect(d.cluster.world.raft.members).toEqual(['node-1']);
    expect(d.scale('node-1', 'web', 8).status).toBe(200);
    d.advance(30_000);
    const running = d.running('web');
    expect(running).toHaveLength(8);
    expect(running.every((t) => t.nodeId !== 'node-2' && t.nodeId !== 'node-3')).toBe(true);
  });
});

describe('availability', () => {
  it('drain moves a node\u2019s tasks to the others; nothing new lands on it', () => {
    const d = formed('drain');
    expect(d.availability('node-1', 'node-4', 'drain').status).toBe(200);
    d.advance(15_000);
    expect(d.containersOn('node-4', 'web')).toBe(0);
    expect(d.running('web')).toHaveLength(6);
    expect(d.running('web').some((t) => t.nodeId === 'node-4')).toBe(false);
    d.scale('node-1', 'web', 10);
    d.advance(15_000);
    expect(d.running('web')).toHaveLength(10);
    expect(d.running('web').some((t) => t.nodeId === 'node-4')).toBe(false);
  });

  it('a global service runs one task per node and follows drains and new nodes', () => {
    const d = new ClusterDriver({ seed: 'global', nodes: 5 });
    d.form(1, 3);
    d.createService('node-1', { name: 'agent', global: true });
    d.advance(10_000);
    expect(d.running('agent')).toHaveLength(4);
    d.availability('node-1', 'node-2', 'drain');
    d.advance(10_000);
    expect(d.running('agent')).toHaveLength(3);
    expect(d.join('node-5', 'worker', 'node-1').status).toBe(200);
    d.advance(10_000);
    expect(d.running('agent')).toHaveLength(4);
    expect(d.running('agent').some((t) => t.nodeId === 'node-5')).toBe(true);
  });
});
