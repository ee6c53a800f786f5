import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { MAX_ADVANCE_MS } from './inputs';
import { sessionDigests, standardSession, traceDigest } from './testing/session';

describe('determinism', () => {
  it('the same seed and inputs give the same trace, byte for byte, in every era', () => {
    expect(sessionDigests()).toEqual(sessionDigests());
  });

  it('replaying the input log rebuilds the identical trace and world', () => {
    const d = standardSession();
    const again = Simulation.replay(d.sim.options, d.sim.log);
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(d.sim.trace));
    expect(again.world).toEqual(d.sim.world);
  });

  it('another seed gives other IDs: the seed is really used', () => {
    const a = new Simulation({ seed: 'one' });
    const b = new Simulation({ seed: 'two' });
    expect(Object.keys(a.world.networks)).not.toEqual(Object.keys(b.world.networks));
    expect(traceDigest(standardSession())).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('idle time', () => {
  it('merges idle spells into one logged input that replays to the same trace', () => {
    const d = standardSession();
    d.run('alpine', { name: 'later', cmd: ['sleep', '5'] });
    for (let i = 0; i < 20; i++) d.sim.idle(500);
    const idles = d.sim.log.filter((e) => e.input.kind === 'advance');
    expect(d.container('later').state).toBe('exited');
    const again = Simulation.replay(d.sim.options, d.sim.log);
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(d.sim.trace));
    expect(idles.length).toBeLessThan(20);
  });
});

describe('a long quiet run', () => {
  it('merges idle time only up to the longest advance, so the replay reaches the same time', () => {
    const d = standardSession();
    // A day and a half of nothing, an hour at a time (a projector left on, at high speed).
    for (let i = 0; i < 36; i++) d.sim.idle(3_600_000);
    const advances = d.sim.log.flatMap((e) => (e.input.kind === 'advance' ? [e.input.ms] : []));
    expect(advances.length).toBeLessThan(36);
    expect(Math.max(...advances)).toBeLessThanOrEqual(MAX_ADVANCE_MS);
    const again = Simulation.replay(d.sim.options, d.sim.log);
    expect(again.now).toBe(d.sim.now);
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(d.sim.trace));
  });
});
