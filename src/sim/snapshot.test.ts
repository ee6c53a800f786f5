import { describe, expect, it } from 'vitest';
import { CHECKPOINT_DENSE_SPAN, CHECKPOINT_EVERY, CHECKPOINT_SPARSE } from './snapshot';
import { Simulation } from './simulation';
import { Driver } from './testing/driver';

describe('the world at a trace position', () => {
  it('equals the live world at the end of the trace', () => {
    const d = new Driver({ seed: 7 });
    d.run('nginx', { name: 'web', publish: { '8080': '80/tcp' } });
    d.run('alpine', { name: 'job', cmd: ['sleep', '2'] });
    d.advance(3000);
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.advance(3000);
    const rebuilt = d.sim.worldAt(d.sim.trace.length - 1);
    expect(rebuilt.processes).toEqual(d.sim.world.processes);
    expect(rebuilt.containers).toEqual(d.sim.world.containers);
    expect(rebuilt.tasks).toEqual(d.sim.world.tasks);
    expect(rebuilt.images).toEqual(d.sim.world.images);
    expect(rebuilt.services).toEqual(d.sim.world.services);
  });

  it('shows runc while it lives and the container re-parented to the shim after it exits', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const trace = d.sim.trace;
    const runcStart = trace.findIndex((e) => e.kind === 'exec' && e.label === 'runc create');
    const runcGone = trace.findIndex(
      (e, i) =>
        i > runcStart &&
        e.change?.op === 'process.exit' &&
        d.sim.worldAt(i - 1).processes[e.change.pid]?.role === 'runc',
    );
    const during = d.sim.worldAt(runcStart + 3);
    expect(Object.values(during.processes).some((p) => p.role === 'runc')).toBe(true);
    const init = Object.values(during.processes).find((p) => p.role === 'runc-init');
    expect(during.processes[init!.ppid]?.role).toBe('runc');
    const after = d.sim.worldAt(runcGone + 1);
    expect(Object.values(after.processes).some((p) => p.role === 'runc')).toBe(false);
    expect(after.processes[init!.pid]?.ppid).toBe(
      d.sim.world.tasks[d.container('web').id]?.shimPid,
    );
  });

  it('rewinding is cheap: seeking back and forth gives the same worlds', () => {
    const d = new Driver();
    for (let i = 0; i < 30; i++) d.run('alpine', { cmd: ['sleep', '1'] });
    d.advance(2000);
    const n = d.sim.trace.length;
    const mid = d.sim.worldAt(Math.floor(n / 2));
    d.sim.worldAt(n - 1);
    expect(d.sim.worldAt(Math.floor(n / 2))).toEqual(mid);
  });

  it('a long session keeps few checkpoints in its older past, and rebuilds every moment the same', () => {
    const d = new Driver({ seed: 'long' });
    for (let i = 0; i < 400; i++) d.run('alpine', { cmd: ['sleep', '1'] });
    d.advance(2000);
    const n = d.sim.trace.length;
    expect(n).toBeGreaterThan(4 * CHECKPOINT_DENSE_SPAN);
    // Drawn from the start to the end, as a playback would.
    for (let seq = 0; seq < n; seq += 97) d.sim.worldAt(seq);
    const last = d.sim.worldAt(n - 1);
    expect(last.processes).toEqual(d.sim.world.processes);
    expect(last.containers).toEqual(d.sim.world.containers);
    const dense = CHECKPOINT_DENSE_SPAN / CHECKPOINT_EVERY;
    expect(d.sim.history.size).toBeLessThanOrEqual(dense + n / CHECKPOINT_SPARSE + 2);
    // An old moment, from a sparse checkpoint, is the moment a fresh replay rebuilds.
    const fresh = Simulation.replay(d.sim.options, d.sim.log);
    for (const seq of [300, 5000, Math.floor(n / 2)])
      expect(d.sim.worldAt(seq)).toEqual(fresh.worldAt(seq));
  });
});
