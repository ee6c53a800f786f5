import { describe, expect, it } from 'vitest';
import type { TraceEntryOf } from '../../sim/trace';
import { TraceWindow } from '../../sim/traceWindow';
import { recentEvents } from './recentEvents';

type Entry = TraceEntryOf<string, unknown>;

const beat = (seq: number): Entry => ({
  seq,
  t: seq * 1000,
  kind: 'heartbeat',
  from: `node-${(seq % 3) + 1}`,
  to: 'node-1',
  label: 'Heartbeat',
});

describe('recentEvents', () => {
  it('lists the latest messages newest first, leaving out heartbeats, state and clock ticks', () => {
    const trace: Entry[] = [
      { seq: 0, t: 0, kind: 'raft', from: 'node-1', to: 'node-2', label: 'AppendEntries' },
      beat(1),
      { seq: 2, t: 2000, kind: 'state', from: 'node-1', to: 'node-1', label: 'task running' },
      { seq: 3, t: 3000, kind: 'input', from: 'user', to: 'cluster', label: 'time passes' },
      { seq: 4, t: 4000, kind: 'note', from: 'node-2', to: 'node-2', label: 'leader elected' },
    ];
    expect(recentEvents(trace, 5).map((e) => e.text)).toEqual([
      'node-2: leader elected',
      'node-1 → node-2: AppendEntries',
    ]);
  });

  it('reads a window that let its oldest entries go, from where it starts', () => {
    const trace = new TraceWindow<Entry>(4);
    trace.push({ seq: 0, t: 0, kind: 'note', from: 'node-1', to: 'node-1', label: 'let go' });
    for (let seq = 1; seq < 9; seq++) trace.push(beat(seq));
    trace.push({ seq: 9, t: 9000, kind: 'note', from: 'node-3', to: 'node-3', label: 'down' });
    expect(trace.first).toBe(4);
    expect(recentEvents(trace, 5)).toEqual([{ seq: 9, t: 9000, text: 'node-3: down' }]);
  });
});
