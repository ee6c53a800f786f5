/**
 * What the host terminal showed before this page opened, for a session that came in a link
 * (replayed by replayScreen.ts). The terminal (terminalStore.ts) draws it before its first
 * prompt.
 * Also keeps the terminal's width, which a link records: output cut to the screen's width
 * (`ps -ef`) is cut the same way when it is replayed.
 *
 * Contract: a transcript belongs to one simulation and is shown only while the session shows
 * that simulation and nothing has been typed since; `forgetTranscript` ends it. A log the
 * shell no longer replays entry for entry gives no transcript (`divergedAt`), never a wrong one.
 * Keys pressed only in the editor (Ctrl-L, Ctrl-C at an empty prompt) are not in the log and
 * are not shown.
 */
import type { TerminalEvent } from '../cli/shell/types';
import type { Simulation } from '../sim/simulation';

let kept: { sim: Simulation; events: readonly TerminalEvent[] } | null = null;
let width: number | null = null;

/** From now on the terminal shows `events` first while the session shows `sim`. */
export function keepTranscript(sim: Simulation, events: readonly TerminalEvent[]): void {
  kept = { sim, events };
}

/** What a terminal that opens now shows before its prompt, if the session shows `sim`. */
export function transcriptFor(sim: Simulation): readonly TerminalEvent[] {
  return kept?.sim === sim ? kept.events : [];
}

/** Something was typed: the screen has moved on from the transcript. */
export function forgetTranscript(): void {
  kept = null;
}

/** The terminal's width in columns, as it last said (null: no terminal has shown yet). */
export function terminalColumns(): number | null {
  return width;
}

export function rememberColumns(columns: number): void {
  width = columns;
}
