/**
 * Readable text for trace entries, shared by the event log and the inspector. Endpoint ids
 * carry 64-hex container ids (`shim:867d76…`); people know containers by name, so they read
 * `shim web`, `runc web` and `web`, with the 12-hex short ID (as `docker ps` shows it) when
 * no name is known. Pure functions over the trace.
 */
import type { TraceEntry } from '../../sim/trace';
import type { World } from '../../sim/types';

/** Container names by full ID. */
export type ContainerNames = ReadonlyMap<string, string>;

const FULL_ID = /\b[0-9a-f]{64}\b/g;

/** The short ID Docker prints for a full one. */
export function shortId(id: string): string {
  return id.slice(0, 12);
}

interface Scan {
  readonly names: Map<string, string>;
  scanned: number;
}

/** Names seen per trace, so a growing trace is only read from where it was left. */
const scans = new WeakMap<readonly TraceEntry[], Scan>();

/**
 * Every container name the first `length` trace entries have given (on create and on
 * rename), so entries of removed containers keep their names, plus the names in `world`
 * (containers older than the trace). The trace grows in place: `length` says how far to read.
 */
export function containerNames(
  trace: readonly TraceEntry[],
  length: number,
  world?: World,
): ContainerNames {
  const end = Math.min(length, trace.length);
  let scan = scans.get(trace);
  if (!scan || scan.scanned > end) {
    scan = { names: new Map(), scanned: 0 };
    scans.set(trace, scan);
  }
  for (; scan.scanned < end; scan.scanned++) {
    const change = trace[scan.scanned]?.change;
    if (change?.op === 'container.add') scan.names.set(change.container.id, change.container.name);
    else if (change?.op === 'container.update' && change.patch.name)
      scan.names.set(change.id, change.patch.name);
  }
  if (!world) return new Map(scan.names);
  const names = new Map(scan.names);
  for (const c of Object.values(world.containers)) if (!names.has(c.id)) names.set(c.id, c.name);
  return names;
}

/** `shim:<id>` -> `shim web`, `runc:<id>` -> `runc web`, `container:<id>` -> `web`. */
export function endpointName(endpoint: string, names: ContainerNames): string {
  const colon = endpoint.indexOf(':');
  if (colon < 0) return endpoint;
  const kind = endpoint.slice(0, colon);
  const id = endpoint.slice(colon + 1);
  const name = names.get(id) ?? shortId(id);
  return kind === 'container' ? name : `${kind} ${name}`;
}

/** A label with each full 64-hex ID cut to its short form, marked with an ellipsis. */
export function shortenIds(label: string): string {
  return label.replace(FULL_ID, (id) => `${shortId(id)}…`);
}

/** Virtual time as seconds with milliseconds: 3149 -> `3.149`. */
export function formatTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  return `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}`;
}

/** `from -> to` as endpoint names; one name when an entry stays within one part. */
export function routeOf(entry: TraceEntry, names: ContainerNames): readonly string[] {
  const from = endpointName(entry.from, names);
  return entry.from === entry.to ? [from] : [from, endpointName(entry.to, names)];
}
