/**
 * Properties of the Kubernetes cluster under random scale, pod deletions, power cuts,
 * partitions, cordons and time: it always converges back to the desired count once the
 * machines are back, never places a pod on a node cordoned before the pod was made, changes
 * nothing while the control plane is off, and replays exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeInput } from './inputs';
import { KubeCluster } from './kubeCluster';
import { running } from './testing';

const NODES = ['control-plane', 'worker-1', 'worker-2', 'worker-3'] as const;
const WORKERS = NODES.slice(1);

type Step =
  | { kind: 'scale'; replicas: number }
  | { kind: 'deletePod'; index: number }
  | { kind: 'fault'; fault: 'powerOff' | 'partition' | 'restore'; node: string }
  | { kind: 'cordon' | 'uncordon'; node: string }
  | { kind: 'advance'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({
    kind: fc.constant('fault' as const),
    fault: fc.constantFrom('powerOff' as const, 'partition' as const, 'restore' as const),
    node: fc.constantFrom(...NODES),
  }),
  fc.record({
    kind: fc.constantFrom('cordon' as const, 'uncordon' as const),
    node: fc.constantFrom(...WORKERS),
  }),
  fc.record({
    kind: fc.constant('advance' as const),
    ms: fc.constantFrom(200, 2_000, 30_000, 120_000, 400_000),
  }),
);

function input(c: KubeCluster, s: Step): KubeInput {
  switch (s.kind) {
    case 'scale':
      return {
        kind: 'api',
        request: {
          verb: 'scaleDeployment',
          namespace: 'default',
          name: 'web',
          replicas: s.replicas,
        },
      };
    case 'deletePod': {
      const pods = Object.values(c.world.pods).filter((p) => p.namespace === 'default');
      const name = pods[s.index % Math.max(1, pods.length)]?.name ?? 'none';
      return { kind: 'api', request: { verb: 'deletePod', namespace: 'default', name } };
    }
    case 'fault':
      return { kind: s.fault, node: s.node };
    case 'cordon':
    case 'uncordon':
      return { kind: 'api', request: { verb: s.kind, node: s.node } };
    case 'advance':
      return { kind: 'advance', ms: s.ms };
  }
}

describe('Kubernetes cluster properties', () => {
  it('converges, respects cordons, freezes without its control plane, and replays', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const c = new KubeCluster({ seed: 'kube-prop', workers: 3 });
        c.apply({
          kind: 'api',
          request: {
            verb: 'createDeployment',
            namespace: 'default',
            name: 'web',
            image: 'nginx',
            replicas: 3,
          },
        });
        const cordonedAt = new Map<string, number>();
        for (const s of steps) {
          const apiWasUp = c.apiReachable();
          const podsBefore = JSON.stringify(Object.keys(c.world.pods).sort());
          const i = input(c, s);
          c.apply(i);
          if (s.kind === 'cordon' && apiWasUp && !cordonedAt.has(s.node))
            cordonedAt.set(s.node, c.now);
          if (s.kind === 'uncordon' && apiWasUp) cordonedAt.delete(s.node);
          // Without the control plane, no pod is made or removed by anyone.
          if (!apiWasUp && !c.apiReachable() && s.kind !== 'advance')
            expect(JSON.stringify(Object.keys(c.world.pods).sort())).toBe(podsBefore);
          for (const pod of Object.values(c.world.pods)) {
            const since = pod.nodeName ? cordonedAt.get(pod.nodeName) : undefined;
            if (since !== undefined && pod.owner.kind === 'ReplicaSet')
              expect(pod.created <= since || pod.nodeName === null).toBe(true);
          }
        }
        const replicas = c.world.deployments['default/web']?.replicas ?? 0;
        for (const node of NODES) c.apply({ kind: 'restore', node });
        c.advance(20_000);
        for (const node of WORKERS) c.apply({ kind: 'api', request: { verb: 'uncordon', node } });
        c.advance(60_000);
        expect(running(c, 'web-')).toHaveLength(replicas);
        expect(Object.values(c.world.pods).filter((p) => p.namespace === 'default')).toHaveLength(
          replicas,
        );
        expect(Object.values(c.world.nodes).every((n) => n.ready === 'True')).toBe(true);
        // What the API server says runs, runs: one sandbox per running pod, on its node.
        for (const pod of running(c, 'web-'))
          expect(
            c.world.machines[pod.nodeName ?? '']?.sandboxes[`default/${pod.name}`],
          ).toBeDefined();
        const again = KubeCluster.replay(c.options, c.log);
        expect(JSON.stringify(again.world)).toBe(JSON.stringify(c.world));
      }),
      { numRuns: 60 },
    );
  });
});
