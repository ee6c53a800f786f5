/**
 * The laptop shell's own commands: every shell's builtins (src/cli/shell/builtins.ts: help,
 * clear, history, echo, true, false, pwd, env, export, the filters grep, head, tail, wc that
 * kubectl's output is piped into, and `sleep`, here on the cluster's virtual clock), with
 * `cd` and `exit` that know this terminal is a laptop. None of them reaches for a Docker host.
 */
import { shellBuiltins, stayHome, stayOpen, type ShellServices } from '../shell/builtins';
import type { KubeCommandContext, KubeCommandSpec } from './types';

export function kubeBuiltins(services: ShellServices): Record<string, KubeCommandSpec> {
  return {
    ...shellBuiltins<KubeCommandContext>(services, (ctx) => ctx.port.now),
    cd: stayHome<KubeCommandContext>(
      'change directory (this shell stays in your home)',
      (ctx) => ctx.env['HOME'] ?? '/home/student',
      'this simulated laptop has only your home directory',
    ),
    exit: stayOpen('your simulated laptop'),
  };
}
