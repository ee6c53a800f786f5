/**
 * Rebuilds a kubectl terminal session from its cluster log, as `KubeCluster.replay` rebuilds
 * the cluster: typed lines go back through a fresh KubeShell (which sends the same API
 * requests again, at the same virtual time), a `^C` typed while a job runs interrupts it,
 * everything else (time passing, faults, writes from elsewhere) is applied as logged, and the
 * shell is polled after each step as the live view polls it. The result is the same cluster
 * and the same printed output; a log the shell no longer reproduces is reported, not silently
 * replayed into a different world.
 */
import type { LoggedKubeInput } from '../../sim/kube/inputs';
import { KubeCluster, type KubeClusterOptions } from '../../sim/kube/kubeCluster';
import { replayLog, type ReplayedOutput } from '../shell/replayLog';
import { INTERRUPT_LINE, KubeShell } from './kubeShell';
import { routeWrites } from './routeWrites';

export interface ReplayedKube extends ReplayedOutput {
  readonly cluster: KubeCluster;
  readonly shell: KubeShell;
}

export function replayKubeTerminal(
  options: KubeClusterOptions,
  log: readonly LoggedKubeInput[],
): ReplayedKube {
  const cluster = new KubeCluster(options);
  let at = 0;
  // The shell's writes happen at the time of the entry being replayed, as they did live.
  const shell = new KubeShell(routeWrites(cluster, (input) => cluster.apply(input, at)));
  const replayed = replayLog(shell, cluster, log, (entry) => {
    at = entry.at;
    if (entry.input.kind === 'typed') {
      shell.poll();
      // Live, a line is only run at an idle prompt, and `^C` only logged while a job runs.
      if (shell.busy && entry.input.line === INTERRUPT_LINE) shell.interrupt();
      else {
        if (shell.busy) shell.interrupt();
        shell.execute(entry.input.line);
      }
    } else cluster.apply(entry.input, entry.at);
  });
  return { cluster, shell, ...replayed };
}
