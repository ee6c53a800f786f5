/**
 * The world at any position of the trace, for rendering a past moment (playback, scrubbing,
 * step back). The base world (after boot) is replayed with the trace's changes; checkpoints
 * every CHECKPOINT_EVERY entries keep a seek cheap, and fewer in the older past keep a long
 * session's history from growing as fast as its trace (a checkpoint is a whole world).
 */
import { applyChange, type Change } from './changes';
import type { SeqTrace } from './traceWindow';
import type { World } from './types';

export const CHECKPOINT_EVERY = 256;
/**
 * Older than this many entries before the latest checkpoint, only one checkpoint in every
 * CHECKPOINT_SPARSE entries is kept: a seek there replays at most that many changes (a few
 * milliseconds), where playback rarely goes.
 */
export const CHECKPOINT_DENSE_SPAN = 4096;
export const CHECKPOINT_SPARSE = 4096;

/**
 * A world rebuilt from a base and a trace of changes, with checkpoints. Generic so that the
 * Swarm cluster's world (src/sim/cluster) is rebuilt the same way as a host's.
 */
export class CheckpointedHistory<W extends { now: number }, C> {
  private readonly checkpoints = new Map<number, W>();

  /** `base` is the world before the first trace entry; it is copied, not kept. */
  constructor(
    base: W,
    private readonly apply: (world: W, change: C) => void,
  ) {
    this.checkpoints.set(-1, structuredClone(base));
  }

  /**
   * The world just after trace entry `seq` (-1: before any entry). A trace that has let its
   * oldest entries go (traceWindow.ts) gives the oldest world still known for a seq before them.
   */
  worldAt(trace: SeqTrace<{ readonly t: number; readonly change?: C }>, seq: number): W {
    const target = Math.min(seq, trace.length - 1);
    // The latest checkpoint at or before the target, else the earliest there is.
    let from = -Infinity;
    let earliest = Infinity;
    for (const at of this.checkpoints.keys()) {
      if (at <= target && at > from) from = at;
      earliest = Math.min(earliest, at);
    }
    if (from === -Infinity) from = earliest;
    const world = structuredClone(this.checkpoints.get(from) as W);
    for (let i = from + 1; i <= target; i++) {
      const entry = trace.at(i);
      if (!entry) break;
      world.now = entry.t;
      if (entry.change) this.apply(world, entry.change);
      if ((i + 1) % CHECKPOINT_EVERY === 0 && !this.checkpoints.has(i)) {
        this.checkpoints.set(i, structuredClone(world));
        this.thinBefore(i - CHECKPOINT_DENSE_SPAN);
      }
    }
    return world;
  }

  /** How many checkpoints are held (each is a whole world). */
  get size(): number {
    return this.checkpoints.size;
  }

  /** Keeps, before `seq`, the earliest checkpoint and one in every CHECKPOINT_SPARSE entries. */
  private thinBefore(seq: number): void {
    const earliest = Math.min(...this.checkpoints.keys());
    for (const at of this.checkpoints.keys())
      if (at < seq && at !== earliest && (at + 1) % CHECKPOINT_SPARSE !== 0)
        this.checkpoints.delete(at);
  }

  /**
   * Keeps the world just after `seq` and forgets every checkpoint before it: the trace is
   * about to let its entries up to `seq` go, and they could not be replayed any more.
   */
  forgetBefore(trace: SeqTrace<{ readonly t: number; readonly change?: C }>, seq: number): void {
    const world = this.worldAt(trace, seq);
    for (const at of [...this.checkpoints.keys()]) if (at < seq) this.checkpoints.delete(at);
    this.checkpoints.set(seq, world);
  }

  /** Forgets checkpoints after `seq`, when the future is forked away. */
  truncate(seq: number): void {
    for (const at of [...this.checkpoints.keys()]) if (at > seq) this.checkpoints.delete(at);
  }
}

export class WorldHistory extends CheckpointedHistory<World, Change> {
  constructor(base: World) {
    super(base, applyChange);
  }
}
