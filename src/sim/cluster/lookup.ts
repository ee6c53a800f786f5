/**
 * Finding swarm objects as dockerd does for the API (moby daemon/cluster/helpers.go): by full
 * ID, then by name (a node's hostname), then by unique ID prefix; "not found" and
 * "is ambiguous" in its words.
 */
import type { ClusterWorld, SwarmNode, SwarmService, SwarmTask } from './types';
import { ERR, type Refusal } from './membership';
import { taskName } from './tasks';

type Found<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

function find<T>(
  kind: string,
  ref: string,
  all: readonly T[],
  id: (x: T) => string,
  name: (x: T) => string,
): Found<T> {
  const exact = all.find((x) => id(x) === ref);
  if (exact) return { ok: true, value: exact };
  const named = all.filter((x) => name(x) === ref);
  const matches =
    named.length > 0 ? named : ref === '' ? [] : all.filter((x) => id(x).startsWith(ref));
  if (matches.length === 1) return { ok: true, value: matches[0]! };
  if (matches.length === 0)
    return { ok: false, refusal: { status: 404, message: `${kind} ${ref} not found` } };
  return {
    ok: false,
    refusal: {
      status: 500,
      message: `${kind} ${ref} is ambiguous (${matches.length} matches found)`,
    },
  };
}

export function findNode(world: ClusterWorld, ref: string): Found<SwarmNode> {
  const nodes = Object.values(world.nodes).filter((n) => n.swarmId !== null && n.role !== null);
  return find(
    'node',
    ref,
    nodes,
    (n) => n.swarmId ?? '',
    (n) => n.hostname,
  );
}

export function findService(world: ClusterWorld, ref: string): Found<SwarmService> {
  return find(
    'service',
    ref,
    Object.values(world.services),
    (s) => s.id,
    (s) => s.spec.name,
  );
}

export function findTask(world: ClusterWorld, ref: string): Found<SwarmTask> {
  return find(
    'task',
    ref,
    Object.values(world.tasks),
    (t) => t.id,
    (t) => taskName(world, t),
  );
}

/**
 * `?version=` of an update: a number (dockerd's parse error otherwise), and the object's
 * current Version.Index (SwarmKit's "update out of sequence" otherwise).
 */
export function versionRefusal(
  query: URLSearchParams,
  kind: 'node' | 'service' | 'swarm',
  current: number,
): Refusal | null {
  const raw = query.get('version') ?? '';
  const parse = kind === 'swarm' ? 'ParseInt' : 'ParseUint';
  if (!/^\d+$/.test(raw))
    return {
      status: 400,
      message: `invalid ${kind} version '${raw}': strconv.${parse}: parsing "${raw}": invalid syntax`,
    };
  return Number(raw) === current ? null : { status: 500, message: ERR.outOfSequence };
}
