/**
 * Property tests (fast-check): random sequences of scaling, power failures, partitions,
 * restores, drains, activations and leader kills on a 3-manager, 3-worker swarm. After every
 * step: no task the orchestrator wants running sits on a down or drained node; without a
 * leader, writes are refused with SwarmKit's lost-quorum text and no container stops on a
 * machine that stays up. At the end, while a majority of managers is up, the service
 * converges to the desired count. Replaying the log gives identical traces. Seeds are fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../digest';
import { Cluster } from './cluster';
import { ClusterDriver } from './driver';
import { ERR } from './membership';
import type { NodeId } from './types';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 20);
const NODES = 6;
const MANAGERS: readonly NodeId[] = ['node-1', 'node-2', 'node-3'];

type Op =
  | { kind: 'scale'; replicas: number }
  | { kind: 'powerOff' | 'restore' | 'partition' | 'drain' | 'activate'; node: number }
  | { kind: 'killLeader' }
  | { kind: 'wait'; ms: number };

const node = fc.integer({ min: 1, max: NODES });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 9 }) }),
  fc.record({
    kind: fc.constantFrom('powerOff' as const, 'restore' as const, 'partition' as const),
    node,
  }),
  fc.record({ kind: fc.constantFrom('drain' as const, 'activate' as const), node }),
  fc.constant({ kind: 'killLeader' as const }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 500, max: 40_000 }) }),
);

/** A manager that is up and reachable, to send control requests to. */
function manager(d: ClusterDriver): NodeId | null {
  return MANAGERS.find((m) => d.cluster.world.nodes[m]!.machine === 'up') ?? null;
}

function runningContainers(d: ClusterDriver, n: NodeId): string[] {
  return Object.values(d.cluster.node(n).sim.world.containers)
    .filter((c) => c.state === 'running')
    .map((c) => c.id);
}

function checkPlacement(d: ClusterDriver): void {
  for (const t of Object.values(d.cluster.world.tasks)) {
    if (t.desiredState !== 'running' || !t.nodeId) continue;
    const n = d.cluster.world.nodes[t.nodeId]!;
    expect(
      n.state === 'down' || n.availability === 'drain',
      `${t.id} wanted running on ${t.nodeId}`,
    ).toBe(false);
  }
}

function quorumUp(d: ClusterDriver): boolean {
  const members = d.cluster.world.raft.members;
  const up = members.filter(
    (m) =>
      d.cluster.world.nodes[m]!.machine === 'up' &&
      d.cluster.node(m).sim.world.services.dockerd.state === 'up',
  );
  return up.length >= Math.floor(members.length / 2) + 1;
}

function session(seed: number, ops: readonly Op[]): ClusterDriver {
  const d = new ClusterDriver({ seed: `prop-${seed}`, nodes: NODES });
  d.form(3, 3);
  d.createService('node-1', { name: 'web', replicas: 4 });
  d.advance(15_000);
  let desired = 4;
  for (const o of ops) {
    const leaderless = d.leader() === null;
    const before = new Map(
      (['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6'] as NodeId[]).map((n) => [
        n,
        runningContainers(d, n),
      ]),
    );
    switch (o.kind) {
      case 'scale': {
        const via = manager(d);
        if (!via) break;
        const r = d.scale(via, 'web', o.replicas);
        if (r.status === 200) desired = o.replicas;
        else if (leaderless) expect((r.body as { message: string }).message).toBe(ERR.lostQuorum);
        break;
      }
      case 'powerOff':
      case 'restore':
      case 'partition':
        d.cluster.apply({ kind: o.kind, node: `node-${o.node}` });
        break;
      case 'drain':
      case 'activate': {
        const via = manager(d);
        if (via) d.availability(via, `node-${o.node}`, o.kind === 'drain' ? 'drain' : 'active');
        break;
      }
      case 'killLeader': {
        const leader = d.leader();
        if (leader) d.cluster.apply({ kind: 'powerOff', node: leader });
        break;
      }
      case 'wait':
        d.advance(o.ms);
        break;
    }
    d.advance(1000);
    checkPlacement(d);
    if (leaderless && d.leader() === null && o.kind === 'wait') {
      // Without a leader nothing is shut down: a machine that stayed up keeps its containers.
      for (const [n, ids] of before) {
        if (d.cluster.world.nodes[n]!.machine === 'powered-off') continue;
        const now = runningContainers(d, n);
        for (const id of ids) expect(now, `${id} on ${n}`).toContain(id);
      }
    }
  }
  if (quorumUp(d)) {
    const eligible = Object.values(d.cluster.world.nodes).some(
      (n) => n.machine === 'up' && n.availability === 'active' && n.localState === 'active',
    );
    d.advance(120_000);
    expect(d.leader()).not.toBeNull();
    if (eligible) expect(d.running('web')).toHaveLength(desired);
    checkPlacement(d);
  }
  return d;
}

describe('swarm properties', () => {
  it(
    'converges while quorum holds, never wants tasks on down or drained nodes, replays identically',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.array(op, { minLength: 1, maxLength: 14 }),
          (seed, ops) => {
            const d = session(seed, ops);
            const again = Cluster.replay(d.cluster.options, d.cluster.log);
            expect(digestOf(JSON.stringify(again.trace))).toBe(
              digestOf(JSON.stringify(d.cluster.trace)),
            );
            for (const m of d.cluster.nodes)
              expect(digestOf(JSON.stringify(again.node(m.id).sim.trace))).toBe(
                digestOf(JSON.stringify(m.sim.trace)),
              );
          },
        ),
        { numRuns: RUNS, seed: Number(process.env['PROPERTY_SEED'] ?? 20260112) },
      );
    },
    60_000 + RUNS * 1000,
  );
});
