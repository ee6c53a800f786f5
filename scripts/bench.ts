/**
 * Simulation benchmarks (not timed tests): how long the core takes for 10,000 container
 * lifecycles and for replaying a 1,000-command session, and how each grows from a tenth of
 * the size. Prints a table and writes bench-results/sim.json. Later issues add browser figures.
 *
 *   npm run bench
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Simulation } from '../src/sim/simulation';
import { Driver } from '../src/sim/testing/driver';

interface Figure {
  name: string;
  value: number;
  unit: string;
  how: string;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Best of `runs`, to keep a shared, noisy machine from inflating the figure. */
function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(fn));
  return min;
}

function lifecycles(n: number): void {
  const d = new Driver({ seed: 'bench' });
  d.pull('alpine');
  for (let i = 0; i < n; i++) {
    const id = d.run('alpine', { cmd: ['sleep', '60'] });
    d.stop(id, 1);
    d.rm(id);
  }
}

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

function replay(d: Driver): void {
  Simulation.replay(d.sim.options, d.sim.log);
}

const figures: Figure[] = [];
const small = best(3, () => lifecycles(1000));
const large = best(2, () => lifecycles(10_000));
figures.push({
  name: '10,000 container lifecycles',
  value: large,
  unit: 'ms',
  how: 'run -d (create, wait, start), stop -t 1, rm; best of 2',
});
figures.push({
  name: 'lifecycles: growth 1,000 -> 10,000',
  value: large / small,
  unit: 'x',
  how: 'ratio of the two timings (10 = linear)',
});

const log1000 = session(1000);
const log100 = session(100);
const replay1000 = best(3, () => replay(log1000));
const replay100 = best(5, () => replay(log100));
figures.push({
  name: 'replay of a 1,000-command session',
  value: replay1000,
  unit: 'ms',
  how: `Simulation.replay of ${log1000.sim.log.length} logged inputs (${log1000.sim.trace.length} trace entries); best of 3`,
});
figures.push({
  name: 'replay: growth 100 -> 1,000 commands',
  value: replay1000 / replay100,
  unit: 'x',
  how: 'ratio of the two timings (10 = linear)',
});

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
console.log(`Simulation benchmarks on ${machine}\n`);
console.log('| figure | value | how it was measured |');
console.log('|---|---:|---|');
for (const f of figures)
  console.log(`| ${f.name} | ${f.value.toFixed(f.unit === 'x' ? 2 : 0)} ${f.unit} | ${f.how} |`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/sim.json', `${JSON.stringify({ machine, figures }, null, 2)}\n`);
console.log('\nwritten to bench-results/sim.json');
