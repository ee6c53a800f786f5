/**
 * What a command of the laptop's shell sees: the cluster through its `KubePort` (reads from the
 * world, writes as logged inputs), the environment and its output streams. It gives back the
 * shell's usual outcome: an exit status, or a foreground `Job` (src/cli/shell/types.ts) that
 * holds the prompt until it ends (`kubectl delete` waiting for its pods, `kubectl drain`).
 */
import type { KubePort } from '../../sim/kube/port';
import type { KubeWorld } from '../../sim/kube/types';
import type { CommandEntry, CommandOutcome, StreamContext } from '../shell/types';

export interface KubeCommandContext extends StreamContext {
  readonly port: KubePort;
}

export type KubeCommand = (ctx: KubeCommandContext, args: readonly string[]) => CommandOutcome;

export interface KubeCommandSpec extends CommandEntry<KubeCommandContext> {
  /**
   * Tab completion: candidates for `word` (the word being typed), given the words before it
   * (command name excluded). The shell keeps those that start with `word`.
   */
  readonly complete?: (
    before: readonly string[],
    world: KubeWorld,
    word: string,
  ) => readonly string[];
}
