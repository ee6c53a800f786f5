/**
 * The cluster view's clock lets time pass ten times a second. Quiet spells merge into one
 * logged input, and the merged log must replay to exactly what was shown, even when a
 * node fails and the controllers act on timeouts in the middle of it.
 */
import { describe, expect, it } from 'vitest';
import { KubeCluster } from './kubeCluster';
import { createDeployment, newKube, running } from './testing';

const state = (c: KubeCluster) => JSON.stringify({ trace: c.trace, world: c.world, now: c.now });

describe('idle time on a Kubernetes cluster', () => {
  it('keeps a short log over ten quiet minutes and replays to the same cluster', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    const before = c.log.length;
    for (let i = 0; i < 6_000; i++) c.idle(100);
    // Back-to-back idle spells merge into one advance, whatever they traced (leases renewed).
    expect(c.log.length - before).toBe(1);
    expect(c.now).toBe(600_000);
    expect(state(KubeCluster.replay(c.options, c.log))).toBe(state(c));
  });

  it('replays the same when a worker is powered off mid-spell (NotReady, then evictions)', () => {
    const c = newKube();
    createDeployment(c, 'web', 3);
    for (let i = 0; i < 300; i++) c.idle(100);
    c.apply({ kind: 'powerOff', node: 'worker-1' });
    for (let i = 0; i < 4_000; i++) c.idle(100);
    expect(c.world.nodes['worker-1']?.ready).not.toBe(true);
    expect(running(c, 'web')).toHaveLength(3);
    expect(state(KubeCluster.replay(c.options, c.log))).toBe(state(c));
  });
});
