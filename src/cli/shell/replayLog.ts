/**
 * The loop under both terminal replays (replay.ts for the host, src/cli/kubectl/replay.ts for
 * the laptop): each logged entry is taken back through `step` (a line or a Ctrl-C into a fresh
 * shell, anything else applied as logged), the shell is polled after it as the live view polls
 * it, and what the step logged is compared with the original log, entry for entry.
 *
 * Contract: the replay reads the original log only; the first entry the fresh run logs
 * differently is reported (`divergedAt`), never smoothed over. An entry the shell logged again
 * by itself (a line's requests) is not stepped through a second time.
 */
import type { OutputChunk, TerminalEvent } from './types';

/** What a replay needs of a shell: its output, and a poll after each step. */
export interface ReplayedShell {
  subscribe(listener: (event: TerminalEvent) => void): () => void;
  poll(): void;
}

export interface ReplayedOutput {
  /** Everything the shell printed, in order. */
  readonly output: readonly OutputChunk[];
  /** Index of the first log entry the replay could not reproduce, or null. */
  readonly divergedAt: number | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Replays `log` into `fresh` (whose log the steps rebuild) through `shell` and `step`. */
export function replayLog<Entry>(
  shell: ReplayedShell,
  fresh: { readonly log: readonly Entry[] },
  log: readonly Entry[],
  step: (entry: Entry) => void,
): ReplayedOutput {
  const output: OutputChunk[] = [];
  shell.subscribe((e) => {
    if (e.type === 'output') output.push(e.chunk);
  });
  let divergedAt: number | null = null;
  let i = 0;
  while (i < log.length) {
    const entry = log[i];
    if (entry === undefined) break;
    const before = fresh.log.length;
    step(entry);
    shell.poll();
    for (let k = before; k < fresh.log.length; k++) {
      if (divergedAt === null && !same(fresh.log[k], log[k])) divergedAt = k;
    }
    i = Math.max(fresh.log.length, i + 1);
  }
  return { output, divergedAt };
}
