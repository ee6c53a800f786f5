/**
 * Simulation cost, in Node: 10,000 container lifecycles, the replay of a 1,000-command session,
 * and a Swarm service scaled up to 1,000 tasks across 50 nodes; each beside the same at a tenth
 * of the size, the ratio saying how it grows (10 = linear). Best of n, since a shared machine
 * only ever makes a run slower.
 */
import { Simulation } from '../../src/sim/simulation';
import { ClusterDriver } from '../../src/sim/cluster/driver';
import { Driver } from '../../src/sim/testing/driver';
import { best, time } from './stats';
import { num, type Row } from './table';

const PART = 'Simulation';

function lifecycles(n: number): void {
  const d = new Driver({ seed: 'bench' });
  d.pull('alpine');
  for (let i = 0; i < n; i++) {
    const id = d.run('alpine', { cmd: ['sleep', '60'] });
    d.stop(id, 1);
    d.rm(id);
  }
}

/** A session of `n` logged inputs: runs, listings, stops, removals and containerd crashes. */
function session(n: number): Driver {
  const d = new Driver({ seed: 'bench-session' });
  const images = ['nginx', 'redis', 'alpine'];
  for (let i = 0; d.sim.log.length < n; i++) {
    const id = d.run(images[i % images.length] ?? 'alpine', {
      name: `c${i}`,
      ...(i % 3 === 2 ? { cmd: ['sleep', '3600'] } : {}),
    });
    d.api('GET', '/containers/json?all=1');
    if (i % 10 === 0) {
      d.signal({ service: 'containerd' }, 'SIGKILL');
      // systemd restarts containerd after RestartSec=5s; a quiet spell keeps clear of StartLimitBurst.
      d.advance(25_000);
    }
    d.stop(id, 2);
    d.rm(id);
    d.advance(500);
  }
  return d;
}

/** A formed swarm of 50 machines (3 managers) with a service `web` at 0 replicas, settled. */
function swarm(): ClusterDriver {
  const d = new ClusterDriver({ seed: 'bench-scale', nodes: 50 });
  d.form(3, 47);
  d.createService('node-1', { name: 'web', replicas: 0 });
  d.advance(5_000);
  return d;
}

/** Scales `web` to `tasks` and lets virtual time pass until every task runs. */
function scaleUp(d: ClusterDriver, tasks: number): void {
  d.scale('node-1', 'web', tasks);
  for (let waited = 0; d.running('web').length < tasks; waited += 1_000) {
    if (waited >= 120_000) throw new Error(`${tasks} tasks did not all run within 120 s`);
    d.advance(1_000);
  }
}

/** Best of `runs` timings of `measure` on a fresh `setup()` each time (the set-up untimed). */
function bestWithSetup<T>(runs: number, setup: () => T, measure: (t: T) => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const subject = setup();
    min = Math.min(
      min,
      time(() => measure(subject)),
    );
  }
  return min;
}

const ms = (value: number) => `${num(value)} ms`;
const ratio = (value: number) => `${num(value, 2)}x`;

export function simCost(): Row[] {
  const small = best(3, () => lifecycles(1_000));
  const large = best(2, () => lifecycles(10_000));

  const log1000 = session(1_000);
  const log100 = session(100);
  const replay = (d: Driver) => () => Simulation.replay(d.sim.options, d.sim.log);
  const replay1000 = best(3, replay(log1000));
  const replay100 = best(5, replay(log100));

  const scale100 = bestWithSetup(3, swarm, (d) => scaleUp(d, 100));
  const scale1000 = bestWithSetup(2, swarm, (d) => scaleUp(d, 1_000));

  return [
    {
      part: PART,
      figure: '10,000 container lifecycles',
      value: large,
      unit: 'ms',
      shown: ms(large),
      how: 'run -d (create, wait, start), stop -t 1, rm on one host; best of 2',
    },
    {
      part: PART,
      figure: 'lifecycles: growth 1,000 → 10,000',
      value: large / small,
      unit: 'x',
      shown: ratio(large / small),
      how: `1,000: ${ms(small)} (best of 3); 10 = linear`,
    },
    {
      part: PART,
      figure: 'replay of a 1,000-command session',
      value: replay1000,
      unit: 'ms',
      shown: ms(replay1000),
      how: `Simulation.replay: ${num(log1000.sim.log.length)} inputs, ${num(log1000.sim.trace.length)} trace entries; best of 3`,
    },
    {
      part: PART,
      figure: 'replay: growth 100 → 1,000 commands',
      value: replay1000 / replay100,
      unit: 'x',
      shown: ratio(replay1000 / replay100),
      how: `100: ${ms(replay100)} (best of 5); 10 = linear`,
    },
    {
      part: PART,
      figure: 'service scale-up to 1,000 tasks, 50 nodes',
      value: scale1000,
      unit: 'ms',
      shown: ms(scale1000),
      how: 'swarm of 3 managers + 47 workers (set up untimed), `web` 0 → 1,000, time run until all run; best of 2',
    },
    {
      part: PART,
      figure: 'scale-up: growth 100 → 1,000 tasks',
      value: scale1000 / scale100,
      unit: 'x',
      shown: ratio(scale1000 / scale100),
      how: `100 tasks: ${ms(scale100)} (best of 3); 10 = linear`,
    },
  ];
}
