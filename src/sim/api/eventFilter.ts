/**
 * Which events `GET /events?filters=...` lets through, as moby's daemon/events/filter.go
 * decides (`docker events --filter type=container --filter event=start ...`): every given key
 * must match.
 *
 * - `type`, `scope`: exact.
 * - `event` (the action): exact, but a prefix match as soon as one value is `health_status`,
 *   `exec_create` or `exec_start`, whose actions carry a suffix (`exec_start: sh -c ...`).
 * - `container`, `network`, `volume`, `daemon` (and swarm's `node`, `service`, ...): the
 *   actor's ID or its `name` attribute, by prefix, whatever the event's type.
 * - `image`: the actor's ID or image name (the `image` attribute of a container event, `name`
 *   of an image event), also with the tag stripped (`image=nginx` matches `nginx:latest`).
 * - `label`: `k` or `k=v` among the event's attributes.
 *
 * Contract: pure.
 */
import { familiarName, parseReference } from '../images/reference';
import type { DockerEvent } from '../types';
import { exactMatch, filterValues, fuzzyMatch, matchKVList, type FilterArgs } from './filters';

/** Every event of this host is local; swarm's are `swarm`. */
const SCOPE = 'local';

/** Actions that carry a suffix after a colon, so dockerd matches them by prefix (moby #25798). */
const SUFFIXED_ACTIONS: ReadonlySet<string> = new Set([
  'health_status',
  'exec_create',
  'exec_start',
]);

/** The filter keys matched against the actor's ID or name (fuzzyMatchName in moby). */
const NAMED_KEYS = [
  'container',
  'daemon',
  'network',
  'volume',
  'plugin',
  'node',
  'service',
  'secret',
  'config',
] as const;

function matchAction(args: FilterArgs, action: string): boolean {
  const fuzzy = filterValues(args, 'event').some((v) => SUFFIXED_ACTIONS.has(v));
  return fuzzy ? fuzzyMatch(args, 'event', action) : exactMatch(args, 'event', action);
}

/** The repository without its tag, as reference.FamiliarName gives it; the input if unparsable. */
function stripTag(image: string): string {
  const parsed = parseReference(image);
  return parsed.ok ? familiarName(parsed.ref) : image;
}

function matchImage(args: FilterArgs, e: DockerEvent): boolean {
  const name = e.attributes[e.type === 'image' ? 'name' : 'image'] ?? '';
  return [e.actorId, name, stripTag(e.actorId), stripTag(name)].some((source) =>
    exactMatch(args, 'image', source),
  );
}

function matchNamed(args: FilterArgs, key: string, e: DockerEvent): boolean {
  return fuzzyMatch(args, key, e.actorId) || fuzzyMatch(args, key, e.attributes['name'] ?? '');
}

/** Filter.Include: does the event pass every filter given? */
export function includesEvent(args: FilterArgs, e: DockerEvent): boolean {
  return (
    matchAction(args, e.action) &&
    exactMatch(args, 'type', e.type) &&
    exactMatch(args, 'scope', SCOPE) &&
    NAMED_KEYS.every((key) => matchNamed(args, key, e)) &&
    matchImage(args, e) &&
    matchKVList(args, 'label', e.attributes)
  );
}
