/**
 * Rebuilds a session's terminal from its log: lines and Ctrl-Cs go back through a fresh shell
 * (which makes the same requests again), everything else is applied as logged, and the shell
 * is polled after each step, as the live view polls it. The result is the same world and the
 * same printed output; a log whose requests the shell no longer makes is reported, not
 * silently replayed into a different world.
 */
import type { HostOptions } from '../../sim/host';
import type { LoggedInput } from '../../sim/inputs';
import { Simulation } from '../../sim/simulation';
import { Shell } from './shell';
import type { OutputChunk } from './types';

export interface Replayed {
  readonly sim: Simulation;
  readonly shell: Shell;
  readonly output: readonly OutputChunk[];
  /** Index of the first log entry the replay could not reproduce, or null. */
  readonly divergedAt: number | null;
}

function same(a: LoggedInput | undefined, b: LoggedInput | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function replayTerminal(options: HostOptions, log: readonly LoggedInput[]): Replayed {
  const sim = new Simulation(options);
  const shell = new Shell(sim);
  const output: OutputChunk[] = [];
  shell.subscribe((e) => {
    if (e.type === 'output') output.push(e.chunk);
  });
  let divergedAt: number | null = null;
  let i = 0;
  while (i < log.length) {
    const entry = log[i];
    if (!entry) break;
    const before = sim.log.length;
    const typed = entry.input.kind === 'typed' || entry.input.kind === 'interrupt';
    // Time between inputs passes unlogged, as `apply(input, at)` lets it pass.
    if (typed && entry.at > sim.now) sim.host.elapse(entry.at - sim.now);
    if (entry.input.kind === 'typed') shell.execute(entry.input.line);
    else if (entry.input.kind === 'interrupt') shell.interrupt();
    else sim.apply(entry.input, entry.at);
    shell.poll();
    for (let k = before; k < sim.log.length; k++) {
      if (divergedAt === null && !same(sim.log[k], log[k])) divergedAt = k;
    }
    i = Math.max(sim.log.length, i + 1);
  }
  return { sim, shell, output, divergedAt };
}
