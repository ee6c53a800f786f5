/**
 * Fuzzing a Swarm with faults interleaved: services created, scaled and removed through
 * managers, machines powered off, cut off the network and restored, dockerd and containerd
 * killed on a machine (`kill -9`) or stopped and started again with systemctl, live-restore
 * turned on or off in a machine's daemon.json, and time passing. After every step, on every
 * machine, the host invariants of src/sim/testing/invariants.ts hold (a container's init under
 * its shim or, while containerd is down, PID 1; no process with a dead parent; dockerd's
 * records in line with the processes once it has been told); a powered-off machine runs
 * nothing; each machine's trace and the cluster's run forward in time; and replaying the
 * cluster's input log gives the same traces. src/sim/properties.test.ts fuzzes one host's
 * commands and faults, and src/sim/cluster/properties.test.ts the orchestration of one
 * service; this file fuzzes each machine's own state under the Swarm. Seeds are fixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../digest';
import type { Input } from '../inputs';
import { checkHost } from '../testing/invariants';
import { Cluster } from './cluster';
import { ClusterDriver } from './driver';
import type { NodeId } from './types';

const MANAGERS = 3;
const WORKERS = 1;
const NODES: readonly NodeId[] = Array.from(
  { length: MANAGERS + WORKERS },
  (_, i) => `node-${i + 1}`,
);
const SERVICES = ['web', 'api', 'db'];

type Op =
  | { kind: 'create'; service: string; replicas: number; global: boolean }
  | { kind: 'scale'; service: string; replicas: number }
  | { kind: 'remove'; service: string }
  | { kind: 'powerOff' | 'partition' | 'restore'; node: number }
  | { kind: 'host'; node: number; fault: HostFault }
  | { kind: 'wait'; ms: number };

type HostFault =
  | 'kill dockerd'
  | 'kill containerd'
  | 'stop docker'
  | 'start docker'
  | 'start containerd'
  | 'live-restore on'
  | 'live-restore off';

const HOST_INPUTS: Readonly<Record<HostFault, readonly Input[]>> = {
  'kill dockerd': [{ kind: 'signal', target: { service: 'dockerd' }, signal: 'SIGKILL' }],
  'kill containerd': [{ kind: 'signal', target: { service: 'containerd' }, signal: 'SIGKILL' }],
  'stop docker': [{ kind: 'systemctl', action: 'stop', unit: 'docker' }],
  'start docker': [{ kind: 'systemctl', action: 'start', unit: 'docker' }],
  'start containerd': [{ kind: 'systemctl', action: 'start', unit: 'containerd' }],
  'live-restore on': [
    { kind: 'writeFile', path: '/etc/docker/daemon.json', content: '{ "live-restore": true }' },
    { kind: 'systemctl', action: 'reload', unit: 'docker' },
  ],
  'live-restore off': [
    { kind: 'writeFile', path: '/etc/docker/daemon.json', content: '{}' },
    { kind: 'systemctl', action: 'reload', unit: 'docker' },
  ],
};

const node = fc.nat(NODES.length - 1);
const service = fc.constantFrom(...SERVICES);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      service,
      replicas: fc.integer({ min: 0, max: 5 }),
      global: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('scale' as const),
      service,
      replicas: fc.integer({ min: 0, max: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), service }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('powerOff' as const, 'partition' as const, 'restore' as const),
      node,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('host' as const),
      node,
      fault: fc.constantFrom<HostFault>(
        'kill dockerd',
        'kill dockerd',
        'kill containerd',
        'stop docker',
        'start docker',
        'start containerd',
        'live-restore on',
        'live-restore off',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.oneof(fc.integer({ min: 100, max: 3_000 }), fc.integer({ min: 5_000, max: 30_000 })),
    }),
  },
);

/** The first manager that is up, to send control requests to (as a user would pick one). */
function managerUp(d: ClusterDriver): NodeId | null {
  return NODES.slice(0, MANAGERS).find((m) => d.cluster.world.nodes[m]?.machine === 'up') ?? null;
}

function play(d: ClusterDriver, o: Op): void {
  switch (o.kind) {
    case 'create': {
      const via = managerUp(d);
      if (via) d.createService(via, { name: o.service, replicas: o.replicas, global: o.global });
      break;
    }
    case 'scale': {
      const via = managerUp(d);
      if (via) d.scale(via, o.service, o.replicas);
      break;
    }
    case 'remove': {
      const via = managerUp(d);
      if (via) d.api(via, 'DELETE', `/services/${o.service}`);
      break;
    }
    case 'powerOff':
    case 'partition':
    case 'restore':
      d.cluster.apply({ kind: o.kind, node: NODES[o.node] ?? 'node-1' });
      break;
    case 'host':
      for (const input of HOST_INPUTS[o.fault])
        d.cluster.apply({ kind: 'host', node: NODES[o.node] ?? 'node-1', input });
      break;
    case 'wait':
      d.advance(o.ms);
      break;
  }
  d.advance(500);
}

function inTimeOrder(times: readonly number[]): boolean {
  return times.every((t, i) => i === 0 || t >= (times[i - 1] ?? t));
}

function checkMachines(d: ClusterDriver, say: (what: string) => string): void {
  expect(
    inTimeOrder([...d.cluster.trace].map((e) => e.t)),
    say('the cluster trace runs forward'),
  ).toBe(true);
  for (const id of NODES) {
    const m = d.cluster.node(id);
    const w = m.sim.world;
    const on = (what: string) => say(`${id}: ${what}`);
    expect(inTimeOrder(m.sim.trace.map((e) => e.t)), on('its trace runs forward')).toBe(true);
    if (d.cluster.world.nodes[id]?.machine === 'powered-off') {
      const alive = Object.values(w.processes).filter((p) => p.pid !== 1);
      expect(
        alive.map((p) => p.name),
        on('a powered-off machine runs nothing'),
      ).toEqual([]);
      continue;
    }
    checkHost(w, on);
  }
}

function session(seed: number, ops: readonly Op[]): ClusterDriver {
  const d = new ClusterDriver({ seed: `swarm-fuzz-${seed}`, nodes: NODES.length });
  d.form(MANAGERS, WORKERS);
  d.createService('node-1', { name: 'web', replicas: 3 });
  d.advance(8_000);
  checkMachines(d, (what) => `formed: ${what}`);
  for (const [i, o] of ops.entries()) {
    play(d, o);
    checkMachines(d, (what) => `step ${i + 1} ${JSON.stringify(o)}: ${what}`);
  }
  return d;
}

describe('a Swarm under random commands and faults', () => {
  it('keeps every machine sane after every step, and replays to the same traces', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(op, { minLength: 1, maxLength: 10 }), (seed, ops) => {
        const d = session(seed, ops);
        const again = Cluster.replay(d.cluster.options, d.cluster.log);
        expect(digestOf(JSON.stringify(again.trace))).toBe(
          digestOf(JSON.stringify(d.cluster.trace)),
        );
        for (const m of d.cluster.nodes)
          expect(digestOf(JSON.stringify(again.node(m.id).sim.trace)), m.id).toBe(
            digestOf(JSON.stringify(m.sim.trace)),
          );
      }),
      { numRuns: 10, seed: 5001 },
    );
  });
});

describe('a Swarm fault on a machine it does not have', () => {
  it('is refused with a message, as kube refuses it, and changes nothing', () => {
    // Found by the lesson fuzz (a lesson's demo fault on node-99): powerOff threw
    // "no machine node-99" out of Cluster.apply, and with it out of the lesson's rehearsal.
    const d = new ClusterDriver({ seed: 'no-such-machine', nodes: 2 });
    d.form(1, 1);
    const before = JSON.stringify(d.cluster.world.nodes);
    for (const kind of ['powerOff', 'partition', 'restore'] as const)
      expect(d.cluster.apply({ kind, node: 'node-99' })).toEqual({
        ok: false,
        message: 'no machine called node-99',
      });
    expect(JSON.stringify(d.cluster.world.nodes)).toBe(before);
    const again = Cluster.replay(d.cluster.options, d.cluster.log);
    expect([...again.trace]).toEqual([...d.cluster.trace]);
    expect(again.trace.length).toBe(d.cluster.trace.length);
  });
});
