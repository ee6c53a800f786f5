/**
 * The last few things a cluster (Swarm or Kubernetes) said, for the "Just now" list: messages and notes from the
 * tail of the cluster's trace, newest first, as `from → to: label`.
 * Contract: pure; walks back from the end only as far as it needs (the trace grows long, and a
 * Swarm's keeps only its latest entries: see src/sim/traceWindow.ts), and
 * leaves out state entries (their message is already listed), the clock's "time passes"
 * inputs, and routine heartbeats (fifty machines beat every few seconds and would drown
 * everything else).
 */
import type { TraceEntryOf } from '../../sim/trace';
import { firstHeld, type SeqTrace } from '../../sim/traceWindow';

/** A Swarm cluster's or a Kubernetes cluster's trace entry. */
type Entry = TraceEntryOf<string, unknown>;

export interface RecentEvent {
  readonly seq: number;
  readonly t: number;
  readonly text: string;
}

function isWorthListing(entry: Entry): boolean {
  if (entry.kind === 'input' && entry.to === 'cluster') return false; // the clock's own ticks
  return entry.kind !== 'state' && entry.kind !== 'heartbeat';
}

export function recentEvents(trace: SeqTrace<Entry>, count: number): RecentEvent[] {
  const out: RecentEvent[] = [];
  const first = firstHeld(trace);
  for (let i = trace.length - 1; i >= first && out.length < count; i--) {
    const entry = trace.at(i);
    if (!entry || !isWorthListing(entry)) continue;
    const route = entry.from === entry.to ? entry.from : `${entry.from} → ${entry.to}`;
    out.push({ seq: entry.seq, t: entry.t, text: `${route}: ${entry.label}` });
  }
  return out;
}
