/**
 * The cluster store on a real Cluster: the 3 + 3 set-up through the Engine API, scaling and
 * draining as the CLI does them, the leader killed and replaced, and the daemon's refusal
 * once the quorum is lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterWorld } from '../sim/cluster/types';
import { managerToAsk } from '../cli/cluster/swarmSetup';
import { useClusterStore } from './clusterStore';

const store = () => useClusterStore.getState();
const world = (): ClusterWorld => store().ensure().world;
const running = (service = 'web') =>
  Object.values(world().tasks).filter(
    (t) =>
      t.state === 'running' &&
      t.desiredState === 'running' &&
      world().services[t.serviceId]?.spec.name === service &&
      world().nodes[t.nodeId ?? '']?.state === 'ready',
  );
const web = () => Object.values(world().services).find((s) => s.spec.name === 'web');

/** Lets time pass a second at a time until `check` holds (at most a minute). */
function until(check: () => boolean) {
  for (let i = 0; i < 60 && !check(); i++) store().advance(1000);
  expect(check()).toBe(true);
}

beforeEach(() => {
  expect(store().setUp()).toBeNull();
});
afterEach(() => store().stopClock());

describe('cluster store', () => {
  it('sets up 3 managers and 3 workers and runs web x 6 across them', () => {
    const nodes = Object.values(world().nodes);
    expect(nodes.map((n) => n.role)).toEqual([
      'manager',
      'manager',
      'manager',
      'worker',
      'worker',
      'worker',
    ]);
    expect(world().raft.leader).toBe('node-1');
    expect(web()?.spec.ports.map((p) => `${p.publishedPort}:${p.targetPort}`)).toEqual(['8080:80']);
    until(() => running().length === 6);
    expect(new Set(running().map((t) => t.nodeId)).size).toBeGreaterThanOrEqual(3);
  });

  it('scales with the spec and version read back, and drains a node', () => {
    until(() => running().length === 6);
    const before = web()!.version;
    expect(store().scale(web()!.id, 8)).toBeNull();
    expect(web()!.version).toBeGreaterThan(before);
    until(() => running().length === 8);
    expect(store().setAvailability('node-4', 'drain')).toBeNull();
    expect(world().nodes['node-4']?.availability).toBe('drain');
    until(() => running().length === 8 && running().every((t) => t.nodeId !== 'node-4'));
  });

  it('elects a new leader when the leader is powered off', () => {
    until(() => running().length === 6);
    expect(store().killLeader()).toBe('node-1');
    until(() => world().raft.leader !== null && world().raft.leader !== 'node-1');
    expect(world().raft.term).toBeGreaterThan(1);
    expect(managerToAsk(store().ensure())).toBe(world().raft.leader);
  });

  it('passes on the daemon refusing to scale without a quorum', () => {
    until(() => running().length === 6);
    store().fault('node-1', 'powerOff');
    store().fault('node-2', 'powerOff');
    store().advance(30_000);
    expect(store().scale(web()!.id, 3)).toMatch(/leader|quorum|manager/i);
    expect(running().length).toBeGreaterThan(0);
  });

  it('a reset brings back machines that are in no swarm', () => {
    store().reset();
    expect(Object.values(world().nodes).every((n) => n.role === null)).toBe(true);
    expect(store().selectedNode).toBeNull();
  });
});

describe('the cluster clock', () => {
  it('keeps a short log while the swarm idles, and the screen still moves every tick', () => {
    vi.useFakeTimers();
    try {
      until(() => running().length === 6);
      const log = store().ensure().log.length;
      const revision = store().revision;
      const now = store().ensure().now;
      store().startClock();
      vi.advanceTimersByTime(60_000); // a minute of wall clock: 600 ticks
      store().stopClock();
      // 600 ticks with nothing else in between: one logged input, heartbeats and Raft and all.
      expect(store().ensure().log.length - log).toBe(1);
      expect(store().revision - revision).toBeGreaterThanOrEqual(590);
      expect(store().ensure().now - now).toBe(60_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
