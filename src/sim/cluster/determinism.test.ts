/**
 * The cluster is a pure function of its options and input log: a replay gives the same
 * traces (the cluster's and every machine's), byte for byte; `worldAt` rebuilds any moment
 * from the trace; and a different seed gives different IDs.
 */
import { describe, expect, it } from 'vitest';
import { digestOf } from '../digest';
import { MAX_ADVANCE_MS } from '../inputs';
import { Cluster } from './cluster';
import { ClusterDriver } from './driver';
import { CLUSTER_TRACE_KEEP } from '../traceWindow';

function session(seed: string, era: 'split' | 'modern' = 'modern'): ClusterDriver {
  const d = new ClusterDriver({ seed, nodes: 5, era });
  d.form(3, 2);
  d.createService('node-1', { name: 'web', replicas: 4, publish: [{ published: 80, target: 80 }] });
  d.advance(10_000);
  d.cluster.apply({ kind: 'typed', node: 'node-1', line: 'docker node ls' });
  d.cluster.apply({ kind: 'powerOff', node: 'node-1' });
  d.advance(30_000);
  d.cluster.apply({ kind: 'partition', node: 'node-4' });
  d.advance(20_000);
  d.cluster.apply({ kind: 'restore', node: 'node-4' });
  d.cluster.apply({ kind: 'restore', node: 'node-1' });
  d.advance(20_000);
  return d;
}

const digest = (c: Cluster): string =>
  digestOf(JSON.stringify([c.trace, ...c.nodes.map((m) => m.sim.trace)]));

describe('determinism', () => {
  it('a replay of the log gives identical traces', () => {
    const d = session('replay');
    const again = Cluster.replay(d.cluster.options, d.cluster.log);
    expect(digest(again)).toBe(digest(d.cluster));
    expect(again.world).toEqual(d.cluster.world);
  });

  it('idle spells merge into one logged input while nothing happens, and replay the same', () => {
    const d = new ClusterDriver({ seed: 'idle', nodes: 3 });
    d.form(1, 2);
    d.createService('node-1', { name: 'web', replicas: 3 });
    const before = d.cluster.log.length;
    for (let i = 0; i < 400; i++) d.cluster.idle(100);
    // Heartbeats and Raft ticks are traced, but nothing comes between the spells: one input.
    expect(d.cluster.log.length - before).toBe(1);
    const quiet = d.cluster.log.length;
    d.cluster.idle(1);
    expect(d.cluster.log.length).toBeLessThanOrEqual(quiet + 1);
    const again = Cluster.replay(d.cluster.options, d.cluster.log);
    expect(digest(again)).toBe(digest(d.cluster));
    expect(again.now).toBe(d.cluster.now);
  });

  it('merges quiet time only up to the longest advance, so a long run replays to the end', () => {
    // Machines not yet in a swarm are quiet: a day and a half, an hour at a time.
    const d = new ClusterDriver({ seed: 'long-idle', nodes: 2 });
    for (let i = 0; i < 36; i++) d.cluster.idle(3_600_000);
    const advances = d.cluster.log.flatMap((e) => (e.input.kind === 'advance' ? [e.input.ms] : []));
    expect(advances.length).toBeLessThan(36);
    expect(Math.max(...advances)).toBeLessThanOrEqual(MAX_ADVANCE_MS);
    const again = Cluster.replay(d.cluster.options, d.cluster.log);
    expect(again.now).toBe(d.cluster.now);
    expect(digest(again)).toBe(digest(d.cluster));
  });

  it('a heartbeat carries only the session clock, and worldAt rebuilds it at each one', () => {
    const d = new ClusterDriver({ seed: 'beats', nodes: 3 });
    d.form(1, 2);
    d.advance(30_000);
    const beats = [...d.cluster.trace].filter((e) => e.kind === 'heartbeat' && e.change);
    expect(beats.length).toBeGreaterThan(10);
    for (const beat of beats.slice(-6)) {
      const change = beat.change;
      if (change?.op !== 'node.heartbeat') throw new Error(`a heartbeat carries ${change?.op}`);
      expect(Object.keys(change).sort()).toEqual(['at', 'deadline', 'id', 'op']);
      const node = d.cluster.worldAt(beat.seq).nodes[change.id];
      expect(node?.lastHeartbeat).toBe(beat.t);
      expect(node?.heartbeatDeadline).toBe(change.deadline);
      expect(node?.state).toBe('ready');
    }
  });

  it('worldAt rebuilds the world at any point of the trace', () => {
    const d = session('world-at');
    const c = d.cluster;
    const last = c.worldAt(c.trace.length - 1);
    expect({ ...last, now: c.now }).toEqual(c.world);
    const mid = Math.floor(c.trace.length / 2);
    const replayed = Cluster.replay(c.options, c.log);
    expect(replayed.worldAt(mid)).toEqual(c.worldAt(mid));
  });

  it('a swarm left running for hours keeps only its latest messages, and replays the same', () => {
    const d = new ClusterDriver({ seed: 'projector', nodes: 12 });
    d.form(3, 9);
    d.createService('node-1', { name: 'web', replicas: 6 });
    for (let second = 0; second < 2 * 3600; second++) d.cluster.idle(1000);
    const c = d.cluster;
    // Two hours of heartbeats: the trace let its oldest entries go, and holds a bounded tail.
    expect(c.trace.length).toBeGreaterThan(3 * CLUSTER_TRACE_KEEP);
    expect(c.trace.first).toBeGreaterThan(0);
    expect([...c.trace].length).toBeLessThan(2 * CLUSTER_TRACE_KEEP);
    expect(c.trace.at(c.trace.first)?.seq).toBe(c.trace.first);
    expect(c.trace.at(c.trace.length - 1)?.seq).toBe(c.trace.length - 1);
    // The history kept the world where the held entries start: every moment since rebuilds.
    expect({ ...c.worldAt(c.trace.length - 1), now: c.now }).toEqual(c.world);
    expect(c.worldAt(c.trace.first - 100)).toEqual(c.worldAt(c.trace.first - 1));
    // The log is whole: a replay lets the same entries go and holds the same ones.
    const again = Cluster.replay(c.options, c.log);
    expect(again.trace.length).toBe(c.trace.length);
    expect(digest(again)).toBe(digest(c));
    const mid = c.trace.first + 1000;
    expect(again.worldAt(mid)).toEqual(c.worldAt(mid));
  });

  it('another seed gives other IDs; the split era (Docker 18.06) runs the same swarm', () => {
    expect(digest(session('a').cluster)).not.toBe(digest(session('b').cluster));
    const split = session('split', 'split');
    expect(split.running('web')).toHaveLength(4);
    expect(() => new Cluster({ seed: 1, nodes: 2, era: 'monolith' })).toThrow(/1\.12/);
  });
});
