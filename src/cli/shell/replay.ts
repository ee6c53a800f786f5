/**
 * Rebuilds a session's terminal from its log: lines and Ctrl-Cs go back through a fresh shell
 * (which makes the same requests again), everything else is applied as logged, and the shell
 * is polled after each step, as the live view polls it. The result is the same world and the
 * same printed output; a log whose requests the shell no longer makes is reported, not
 * silently replayed into a different world. The loop is replayLog.ts's, shared with kubectl's.
 */
import type { HostOptions } from '../../sim/host';
import type { LoggedInput } from '../../sim/inputs';
import { Simulation } from '../../sim/simulation';
import { replayLog, type ReplayedOutput } from './replayLog';
import { Shell } from './shell';

export interface Replayed extends ReplayedOutput {
  readonly sim: Simulation;
  readonly shell: Shell;
}

export function replayTerminal(options: HostOptions, log: readonly LoggedInput[]): Replayed {
  const sim = new Simulation(options);
  const shell = new Shell(sim);
  const replayed = replayLog(shell, sim, log, (entry) => {
    const typed = entry.input.kind === 'typed' || entry.input.kind === 'interrupt';
    // Time between inputs passes unlogged, as `apply(input, at)` lets it pass.
    if (typed && entry.at > sim.now) sim.host.elapse(entry.at - sim.now);
    if (entry.input.kind === 'typed') shell.execute(entry.input.line);
    else if (entry.input.kind === 'interrupt') shell.interrupt();
    else sim.apply(entry.input, entry.at);
  });
  return { sim, shell, ...replayed };
}
