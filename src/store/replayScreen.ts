/**
 * A session's terminal screen, rebuilt: its log replayed through a fresh shell (the loop of
 * src/cli/shell/replayLog.ts, as replayTerminal runs it), with each line shown after the
 * prompt as the terminal echoed it and `^C` where it was pressed. Used to open a permalink;
 * it loads the whole shell, so it is not part of the first screen.
 */
import { replayLog } from '../cli/shell/replayLog';
import { PROMPT, Shell } from '../cli/shell/shell';
import type { TerminalEvent } from '../cli/shell/types';
import type { HostOptions } from '../sim/host';
import type { LoggedInput } from '../sim/inputs';
import { Simulation } from '../sim/simulation';

export interface ReplayedScreen {
  readonly sim: Simulation;
  /** What the terminal printed, in order: output and clears (prompts included). */
  readonly events: readonly TerminalEvent[];
  /** The first log entry the shell did not reproduce, or null. */
  readonly divergedAt: number | null;
}

const print = (text: string): TerminalEvent => ({
  type: 'output',
  chunk: { stream: 'stdout', text },
});

/** Replays `log` through a shell `columns` wide, keeping what its screen showed. Throws as a replay can. */
export function replayScreen(
  options: HostOptions,
  log: readonly LoggedInput[],
  columns?: number,
): ReplayedScreen {
  const sim = new Simulation(options);
  const shell = new Shell(sim, columns === undefined ? {} : { columns });
  const events: TerminalEvent[] = [];
  // As the terminal does, a prompt starts a row of its own after output that did not end one.
  let atLineStart = true;
  const show = (event: TerminalEvent) => {
    events.push(event);
    if (event.type === 'clear') atLineStart = true;
    else if (event.type === 'output' && event.chunk.text)
      atLineStart = event.chunk.text.endsWith('\n');
  };
  shell.subscribe((event) => {
    if (event.type === 'output' || event.type === 'clear') show(event);
  });
  // The step of replay.ts's replayTerminal, plus what the terminal itself drew.
  const { divergedAt } = replayLog(shell, sim, log, (entry) => {
    const typed = entry.input.kind === 'typed' || entry.input.kind === 'interrupt';
    if (typed && entry.at > sim.now) sim.host.elapse(entry.at - sim.now);
    if (entry.input.kind === 'typed') {
      show(print(`${atLineStart ? '' : '\n'}${PROMPT}${entry.input.line}\n`));
      shell.execute(entry.input.line);
    } else if (entry.input.kind === 'interrupt') {
      show(print('^C'));
      shell.interrupt();
    } else sim.apply(entry.input, entry.at);
  });
  return { sim, events, divergedAt };
}
