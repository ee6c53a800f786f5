/**
 * `kubectl get -w`: the table as it is, then one row each time an object changes, appears or
 * is deleted (its last state), until Ctrl-C. kubectl flushes its tabwriter after every event
 * with liggitt/tabwriter's RememberWidths, so a column keeps the widest width seen so far and
 * a wider new cell pushes only its own row out of line, as the real output does.
 */
import type { Job } from '../shell/types';
import { headers, rows, type Row } from './printers';
import type { ResourceKind } from './resources';
import type { KubeCommandContext } from './types';

export interface WatchOptions {
  readonly kind: ResourceKind;
  readonly wide: boolean;
  readonly namespace: string | null;
  readonly allNamespaces: boolean;
  readonly noHeaders: boolean;
  /** Watch only these objects (`kubectl get pod web-1 -w`), or all. */
  readonly names: readonly string[] | null;
}

const MIN_WIDTH = 6;
const PADDING = 3;

/** The index of AGE among a row's cells: it changes every second and is not an event. */
function ageIndex(kind: ResourceKind, wide: boolean): number {
  return headers(kind, wide).indexOf('AGE') - 1;
}

export function watchJob(ctx: KubeCommandContext, options: WatchOptions): Job {
  const widths: number[] = [];
  let headerShown = options.noHeaders;
  const showNs = options.allNamespaces && options.kind !== 'nodes';
  const skip = ageIndex(options.kind, options.wide);

  const current = (): Map<string, Row> => {
    const list = rows(ctx.port.world, options.kind, {
      wide: options.wide,
      namespace: options.namespace,
      now: ctx.port.now,
    });
    const wanted = options.names ? new Set(options.names) : null;
    return new Map(list.filter((r) => !wanted || wanted.has(r.name)).map((r) => [r.key, r]));
  };
  const cellsOf = (row: Row) => (showNs ? [row.namespace, row.name] : [row.name]).concat(row.cells);
  const align = (lines: readonly (readonly string[])[]): string => {
    for (const cells of lines)
      cells.forEach((c, j) => {
        if (j < cells.length - 1)
          widths[j] = Math.max(widths[j] ?? 0, MIN_WIDTH, c.length + PADDING);
      });
    return lines
      .map((cells) => cells.map((c, j) => (j < cells.length - 1 ? c.padEnd(widths[j] ?? 0) : c)))
      .map((cells) => `${cells.join('')}\n`)
      .join('');
  };
  const print = (list: readonly Row[]): void => {
    if (list.length === 0) return;
    const lines = list.map(cellsOf);
    if (!headerShown) {
      const head = headers(options.kind, options.wide);
      lines.unshift(showNs ? ['NAMESPACE', ...head] : head);
      headerShown = true;
    }
    ctx.out(align(lines));
  };
  const same = (a: Row, b: Row) =>
    a.cells.length === b.cells.length && a.cells.every((c, i) => i === skip || c === b.cells[i]);

  let seen = current();
  print([...seen.values()]);

  return {
    poll: () => {
      // While the API server is down the watch hears nothing; it catches up once it is back.
      if (!ctx.port.apiReachable()) return null;
      const next = current();
      const events: Row[] = [];
      for (const [key, row] of next) {
        const before = seen.get(key);
        if (!before || !same(before, row)) events.push(row);
      }
      for (const [key, row] of seen) {
        // The DELETED event carries the object's last state.
        if (!next.has(key)) events.push(row);
      }
      seen = next;
      print(events);
      return null;
    },
    interrupt: () => 130,
  };
}
