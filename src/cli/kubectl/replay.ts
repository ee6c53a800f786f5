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
import type { KubePort } from '../../sim/kube/port';
import type { OutputChunk } from '../shell/types';
import { INTERRUPT_LINE, KubeShell } from './kubeShell';

export interface ReplayedKube {
  readonly cluster: KubeCluster;
  readonly shell: KubeShell;
  readonly output: readonly OutputChunk[];
  /** Index of the first log entry the replay could not reproduce, or null. */
  readonly divergedAt: number | null;
}

function same(a: LoggedKubeInput | undefined, b: LoggedKubeInput | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function replayKubeTerminal(
  options: KubeClusterOptions,
  log: readonly LoggedKubeInput[],
): ReplayedKube {
  const cluster = new KubeCluster(options);
  let at = 0;
  // The shell's writes happen at the time of the entry being replayed, as they did live.
  const port: KubePort = {
    get world() {
      return cluster.world;
    },
    get trace() {
      return cluster.trace;
    },
    get now() {
      return cluster.now;
    },
    apiReachable: () => cluster.apiReachable(),
    connectionRefused: () => cluster.connectionRefused(),
    apply: (input) => cluster.apply(input, at),
  };
  const shell = new KubeShell(port);
  const output: OutputChunk[] = [];
  shell.subscribe((e) => {
    if (e.type === 'output') output.push(e.chunk);
  });
  let divergedAt: number | null = null;
  let i = 0;
  while (i < log.length) {
    const entry = log[i];
    if (!entry) break;
    const before = cluster.log.length;
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
    shell.poll();
    for (let k = before; k < cluster.log.length; k++) {
      if (divergedAt === null && !same(cluster.log[k], log[k])) divergedAt = k;
    }
    i = Math.max(cluster.log.length, i + 1);
  }
  return { cluster, shell, output, divergedAt };
}
