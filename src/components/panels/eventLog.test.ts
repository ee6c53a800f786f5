import { describe, expect, it } from 'vitest';
import { Driver } from '../../sim/testing/driver';
import type { TraceEntry } from '../../sim/trace';
import { isStep } from '../../store/playback';
import { categoryOf, filterTrace, rowAtCursor, type EventLogFilter } from './eventLog';
import {
  containerNames,
  endpointName,
  formatTime,
  routeOf,
  shortenIds,
  shortId,
} from './traceFormat';
import { rowWindow, scrollToShow } from './windowing';

const ALL: EventLogFilter = { kind: 'all', text: '', showState: false };

function session() {
  const d = new Driver({ seed: 'demo' });
  const id = d.run('nginx', { name: 'web' });
  return { d, id, trace: d.sim.trace, names: containerNames(d.sim.trace, d.sim.trace.length) };
}

function entry(fields: Partial<TraceEntry>): TraceEntry {
  return { seq: 0, t: 0, kind: 'note', from: 'dockerd', to: 'dockerd', label: '', ...fields };
}

describe('trace formatting', () => {
  it('shows virtual time as seconds and milliseconds', () => {
    expect(formatTime(0)).toBe('0.000');
    expect(formatTime(3149)).toBe('3.149');
    expect(formatTime(61_005)).toBe('61.005');
    expect(formatTime(12.6)).toBe('0.013');
  });

  it('names per-container endpoints by container name, else by short ID', () => {
    const { id, names } = session();
    expect(endpointName(`shim:${id}`, names)).toBe('shim web');
    expect(endpointName(`runc:${id}`, names)).toBe('runc web');
    expect(endpointName(`container:${id}`, names)).toBe('web');
    expect(endpointName('dockerd', names)).toBe('dockerd');
    const unknown = 'a'.repeat(64);
    expect(endpointName(`shim:${unknown}`, names)).toBe(`shim ${'a'.repeat(12)}`);
  });

  it('keeps the names of removed containers, from the trace', () => {
    const { d, id } = session();
    d.rm(id, { force: true });
    expect(d.sim.world.containers[id]).toBeUndefined();
    expect(endpointName(`shim:${id}`, containerNames(d.sim.trace, d.sim.trace.length))).toBe(
      'shim web',
    );
  });

  it('takes a name from the world for a container the trace never created', () => {
    const { d, id } = session();
    const fresh = new Driver({ seed: 'demo' });
    expect(endpointName(`shim:${id}`, containerNames(fresh.sim.trace, 0, d.sim.world))).toBe(
      'shim web',
    );
  });

  it('shortens full IDs in labels and gives one name for an entry within one part', () => {
    const { id, trace, names } = session();
    expect(shortenIds(`POST /v1.51/containers/${id}/start`)).toBe(
      `POST /v1.51/containers/${shortId(id)}…/start`,
    );
    expect(shortenIds('GET /v2/library/nginx/blobs/704a1591cc4b')).toBe(
      'GET /v2/library/nginx/blobs/704a1591cc4b',
    );
    const exec = trace.find((e) => e.label === 'runc create' && e.kind === 'exec');
    expect(exec && routeOf(exec, names)).toEqual(['shim web', 'runc web']);
    const note = trace.find((e) => e.label === 'runc init waits on exec.fifo');
    expect(note && routeOf(note, names)).toEqual(['web']);
  });
});

describe('the event log filter', () => {
  it('lists only steps unless state changes are asked for', () => {
    const { trace, names } = session();
    const steps = filterTrace(trace, ALL, names);
    expect(steps).toEqual(trace.filter(isStep).map((e) => e.seq));
    const withState = filterTrace(trace, { ...ALL, showState: true }, names);
    expect(withState).toEqual(trace.filter((e) => e.kind !== 'input').map((e) => e.seq));
  });

  it('sorts entries into the kinds a student filters by', () => {
    const kinds = (filter: EventLogFilter) => {
      const { trace, names } = session();
      return new Set(filterTrace(trace, filter, names).map((seq) => trace[seq]?.kind));
    };
    expect(kinds({ ...ALL, kind: 'api' })).toEqual(new Set(['http-request', 'http-response']));
    expect(kinds({ ...ALL, kind: 'containerd' })).toEqual(new Set(['grpc', 'event']));
    // The state steps here are re-parentings: the shim's launcher exiting, runc exiting.
    expect(kinds({ ...ALL, kind: 'runtime' })).toEqual(
      new Set(['ttrpc', 'exec', 'stdio', 'note', 'state']),
    );
    expect(kinds({ ...ALL, kind: 'signals' })).toEqual(new Set(['exit']));
  });

  it('puts notes and state entries where they happen, and exits with signals', () => {
    expect(categoryOf(entry({ kind: 'note', from: 'containerd', to: 'shim:x' }))).toBe(
      'containerd',
    );
    expect(categoryOf(entry({ kind: 'note', from: 'container:x', to: 'container:x' }))).toBe(
      'runtime',
    );
    expect(categoryOf(entry({ kind: 'note' }))).toBeNull();
    expect(categoryOf(entry({ kind: 'registry' }))).toBeNull();
    expect(
      categoryOf(entry({ kind: 'state', change: { op: 'process.exit', pid: 845, status: 137 } })),
    ).toBe('signals');
    expect(categoryOf(entry({ kind: 'signal', from: 'user', to: 'dockerd' }))).toBe('signals');
  });

  it('finds entries by container name, route, label, full ID or kind, ignoring case', () => {
    const { d, id, trace, names } = session();
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const labels = (text: string) =>
      filterTrace(
        d.sim.trace,
        { ...ALL, text },
        containerNames(d.sim.trace, d.sim.trace.length),
      ).map((seq) => d.sim.trace[seq]?.label);
    expect(labels('RUNC WEB')).toContain('runc create');
    expect(labels('shim web')).toContain('TaskStart');
    expect(labels('sigkill')).toEqual(['SIGKILL']);
    expect(labels(id.slice(20, 40)).length).toBeGreaterThan(0);
    expect(labels('ttrpc')).toContain('Start');
    // Blank text filters nothing.
    expect(labels('  ')).toEqual(filterTrace(trace, ALL, names).map((seq) => trace[seq]?.label));
    expect(labels('no such thing')).toEqual([]);
  });

  // How fast it is lives in `npm run bench`; here only that a long trace filters completely.
  it('filters a 20,000-entry trace completely', () => {
    const trace: TraceEntry[] = Array.from({ length: 20_000 }, (_, seq) =>
      entry({ seq, t: seq, kind: seq % 3 ? 'grpc' : 'state', from: 'dockerd', to: 'containerd' }),
    );
    const positions = filterTrace(
      trace,
      { kind: 'containerd', text: 'dock', showState: true },
      new Map(),
    );
    expect(positions).toHaveLength(20_000);
  });
});

describe('the row at the cursor', () => {
  it('is the last listed entry at or before the cursor', () => {
    const positions = [2, 5, 9];
    expect(rowAtCursor(positions, -1)).toBe(-1);
    expect(rowAtCursor(positions, 1)).toBe(-1);
    expect(rowAtCursor(positions, 2)).toBe(0);
    expect(rowAtCursor(positions, 7)).toBe(1);
    expect(rowAtCursor(positions, 9)).toBe(2);
    expect(rowAtCursor(positions, 500)).toBe(2);
    expect(rowAtCursor([], 3)).toBe(-1);
  });
});

describe('windowing', () => {
  it('renders the rows in sight and a few either side', () => {
    expect(rowWindow(0, 400, 40, 20_000, 8)).toEqual({ start: 0, end: 19 });
    expect(rowWindow(40_000, 400, 40, 20_000, 8)).toEqual({ start: 992, end: 1019 });
    expect(rowWindow(799_600, 400, 40, 20_000, 8)).toEqual({ start: 19_982, end: 20_000 });
    expect(rowWindow(0, 400, 40, 3, 8)).toEqual({ start: 0, end: 3 });
    expect(rowWindow(0, 400, 40, 0, 8)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as it must to show a row, and not at all when it shows', () => {
    expect(scrollToShow(400, 400, 40, 12)).toBeNull();
    expect(scrollToShow(400, 400, 40, 5)).toBe(200);
    expect(scrollToShow(400, 400, 40, 25)).toBe(640);
    expect(scrollToShow(0, 100, 40, 0)).toBeNull();
  });
});
