import { describe, expect, it } from 'vitest';
import { CheckpointedHistory } from './snapshot';
import { firstHeld, TraceWindow } from './traceWindow';

interface Entry {
  readonly seq: number;
  readonly t: number;
  readonly change?: number;
}

/** A window of `keep` filled with `count` entries, each adding its seq to a counter world. */
function filled(keep: number, count: number, lettingGo: number[] = []): TraceWindow<Entry> {
  const trace = new TraceWindow<Entry>(keep, (first) => lettingGo.push(first));
  for (let seq = 0; seq < count; seq++) trace.push({ seq, t: seq * 10, change: seq });
  return trace;
}

describe('TraceWindow', () => {
  it('reads entries by absolute seq, and counts every entry ever pushed', () => {
    const trace = filled(4, 3);
    expect(trace.length).toBe(3);
    expect(trace.first).toBe(0);
    expect(trace.at(2)?.seq).toBe(2);
    expect(trace.at(3)).toBeUndefined();
    expect([...trace].map((e) => e.seq)).toEqual([0, 1, 2]);
  });

  it('lets its oldest entries go, keep at a time, saying where the held ones will start', () => {
    const lettingGo: number[] = [];
    const trace = filled(4, 21, lettingGo);
    expect(lettingGo).toEqual([4, 8, 12, 16]);
    expect(trace.length).toBe(21);
    expect(trace.first).toBe(16);
    expect(firstHeld(trace)).toBe(16);
    expect(trace.at(15)).toBeUndefined();
    expect(trace.at(16)?.seq).toBe(16);
    expect([...trace].map((e) => e.seq)).toEqual([16, 17, 18, 19, 20]);
    expect(JSON.parse(JSON.stringify(trace))).toEqual([...trace]);
  });

  it('an array holds every entry from 0', () => {
    expect(firstHeld([{ seq: 0 }])).toBe(0);
  });

  it('refuses a window that could hold nothing', () => {
    expect(() => new TraceWindow(0)).toThrow(/positive integer/);
  });
});

describe('a history over a window', () => {
  const sum = (world: { now: number; total: number }, change: number) => {
    world.total += change;
  };

  it('rebuilds every moment still held, and the oldest known one for a moment let go', () => {
    let history: CheckpointedHistory<{ now: number; total: number }, number> | null = null;
    const trace: TraceWindow<Entry> = new TraceWindow<Entry>(300, (first) =>
      history?.forgetBefore(trace, first - 1),
    );
    history = new CheckpointedHistory({ now: 0, total: 0 }, sum);
    const total = (upTo: number) => (upTo * (upTo + 1)) / 2;
    for (let seq = 0; seq < 1000; seq++) trace.push({ seq, t: seq * 10, change: seq });
    expect(trace.first).toBe(600);
    expect(history.worldAt(trace, 999)).toEqual({ now: 9990, total: total(999) });
    expect(history.worldAt(trace, 950)).toEqual({ now: 9500, total: total(950) });
    // Before the window: the world where it starts, the oldest the history still knows.
    expect(history.worldAt(trace, 10)).toEqual({ now: 5990, total: total(599) });
    expect(history.worldAt(trace, -1)).toEqual({ now: 5990, total: total(599) });
  });
});
