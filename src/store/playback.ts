/**
 * Playback over a trace, as pure functions: which entries are steps (messages and notes a
 * student watches one at a time; state entries ride along with them), where the next and
 * previous steps are, and how many logged inputs lie before a position (to fork the future
 * from there, as RaftScope does).
 */
import type { TraceEntry } from '../sim/trace';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** How long one step is shown at 1x. */
export const STEP_MS = 700;

/**
 * Messages and notes are steps; of the state changes, the ones worth a moment of their own
 * are too: a process re-parented (runc's child handed to the shim) and a daemon's state.
 */
export function isStep(entry: TraceEntry): boolean {
  if (entry.kind === 'input') return false;
  if (entry.kind !== 'state') return true;
  const op = entry.change?.op;
  return op === 'process.reparent' || (op === 'service' && 'state' in (entry.change?.patch ?? {}));
}

/** The next step after `cursor`, or the last entry when no step is left. */
export function nextStep(trace: readonly TraceEntry[], cursor: number): number {
  for (let i = cursor + 1; i < trace.length; i++) if (isStep(trace[i] as TraceEntry)) return i;
  return trace.length - 1;
}

/** The step before `cursor`, or -1 (the start) when there is none. */
export function previousStep(trace: readonly TraceEntry[], cursor: number): number {
  for (let i = Math.min(cursor, trace.length) - 1; i >= 0; i--)
    if (isStep(trace[i] as TraceEntry)) return i;
  return -1;
}

/** How many inputs had arrived by trace position `cursor` (their input entries are at or before it). */
export function inputsUpTo(trace: readonly TraceEntry[], cursor: number): number {
  let count = 0;
  for (let i = 0; i <= cursor && i < trace.length; i++) if (trace[i]?.kind === 'input') count++;
  return count;
}

export function isAtEnd(trace: readonly TraceEntry[], cursor: number): boolean {
  return cursor >= trace.length - 1;
}

/** Positions of all steps, for the timeline's tick marks and the event log. */
export function stepPositions(trace: readonly TraceEntry[]): number[] {
  const out: number[] = [];
  trace.forEach((e, i) => {
    if (isStep(e)) out.push(i);
  });
  return out;
}
