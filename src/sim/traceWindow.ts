/**
 * A trace that keeps only its latest entries: a Swarm cluster left running on a projector
 * sends heartbeats for hours, and nobody scrolls back through them, so the oldest go.
 * Positions stay absolute: entry `seq` is read with `at(seq)` whatever went before it, and
 * `length` counts every entry ever pushed. The input log is kept whole, so a replay still
 * rebuilds every entry.
 *
 * Contract: holds between `keep` and twice `keep` entries once it has had that many; lets
 * them go `keep` at a time, so `first` is always a multiple of `keep`, and calls
 * `beforeLettingGo(first)` first (a history keeps the world there, see snapshot.ts).
 */

/**
 * How many of its latest entries a cluster's trace keeps (at least; twice as many at most): a
 * few minutes of a 50-node swarm's heartbeats, hours of a small swarm's or a Kubernetes
 * cluster's leases. A cluster view shows the latest messages; older ones go, so a cluster left
 * running for a whole lesson does not grow. (A host's trace is kept whole: its playback steps
 * back through every command, and it grows only with what the learner does.)
 */
export const CLUSTER_TRACE_KEEP = 4096;

/** A trace read by position: an array (every entry), or a TraceWindow (the latest ones). */
export interface SeqTrace<E> {
  /** One past the last entry's seq: how many entries there have been. */
  readonly length: number;
  /** The entry at `seq`, or undefined if there is none (or it is no longer held). */
  at(seq: number): E | undefined;
}

export class TraceWindow<E extends { readonly seq: number }> implements SeqTrace<E>, Iterable<E> {
  private entries: E[] = [];
  private dropped = 0;

  constructor(
    readonly keep: number,
    private readonly beforeLettingGo: (first: number) => void = () => undefined,
  ) {
    if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a positive integer`);
  }

  get length(): number {
    return this.dropped + this.entries.length;
  }

  /** The oldest seq still held. */
  get first(): number {
    return this.dropped;
  }

  at(seq: number): E | undefined {
    return seq >= this.dropped ? this.entries[seq - this.dropped] : undefined;
  }

  push(entry: E): void {
    this.entries.push(entry);
    if (this.entries.length >= 2 * this.keep) {
      const first = this.dropped + this.keep;
      this.beforeLettingGo(first);
      this.entries = this.entries.slice(this.keep);
      this.dropped = first;
    }
  }

  /** The entries held, oldest first. */
  [Symbol.iterator](): Iterator<E> {
    return this.entries[Symbol.iterator]();
  }

  /** As JSON, the entries held (each carries its seq): a digest of the trace reads them. */
  toJSON(): readonly E[] {
    return this.entries;
  }
}

/** The oldest seq a trace still holds (0 for an array, which holds them all). */
export function firstHeld(trace: SeqTrace<unknown>): number {
  return trace instanceof TraceWindow ? trace.first : 0;
}
