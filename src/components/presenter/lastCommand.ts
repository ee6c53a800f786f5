/**
 * The last line typed at a terminal, read from a trace: what presenter mode shows large.
 * Contract: pure; works on the host's trace and on the Kubernetes cluster's (both record a
 * typed line as an `input` from the user labelled `$ <line>`). Only entries up to `upTo` count,
 * so a session stepped back shows the command whose messages are on screen. A cluster's trace
 * keeps only its latest entries: a command typed before them is not shown.
 */

import { firstHeld, type SeqTrace } from '../../sim/traceWindow';

interface TypedEntry {
  readonly kind: string;
  readonly from: string;
  readonly label: string;
}

export function lastCommand(trace: SeqTrace<TypedEntry>, upTo = trace.length - 1): string | null {
  const first = firstHeld(trace);
  for (let i = Math.min(upTo, trace.length - 1); i >= first; i--) {
    const entry = trace.at(i);
    if (entry?.kind === 'input' && entry.from === 'user' && entry.label.startsWith('$ '))
      return entry.label.slice(2);
  }
  return null;
}
