/**
 * Tab completion for the host's shell: command names first; after `docker`, its subcommands
 * and their flags (from the real CLI's reference), then the names that fit the command
 * (containers for `stop`, images for `run`, networks, volumes); host commands complete
 * through their own `complete`. Reading the line is completion.ts's, shared with kubectl's.
 */
import type { World } from '../../sim/types';
import { commandReference, dockerGroups, dockerSubcommands } from '../docker';
import { completion, completionPoint } from './completion';
import type { CommandSpec, Completion } from './types';

export interface CompletionSources {
  readonly commands: readonly string[];
  readonly specs: Readonly<Record<string, CommandSpec>>;
  readonly world: World;
}

const GROUPS = new Set(dockerGroups());
/** Swarm objects live in the managers' store, not in this host's world: no names to offer. */
const SWARM_GROUPS = new Set(['swarm', 'node', 'service']);

const IMAGE_COMMANDS = new Set([
  'run',
  'create',
  'rmi',
  'pull',
  'tag',
  'image rm',
  'image inspect',
  'image tag',
  'image pull',
  'container run',
  'container create',
]);
const NETWORK_COMMANDS = new Set(['network rm', 'network inspect']);
const VOLUME_COMMANDS = new Set(['volume rm', 'volume inspect']);
const NO_NAMES = new Set([
  'ps',
  'images',
  'version',
  'info',
  'events',
  'container ls',
  'image ls',
  'network ls',
  'volume ls',
  'network create',
  'volume create',
  'system df',
]);

function containerNames(world: World, running?: boolean): string[] {
  return Object.values(world.containers)
    .filter((c) => running === undefined || (c.state === 'running') === running)
    .map((c) => c.name)
    .sort();
}

function imageNames(world: World): string[] {
  return [
    ...new Set(
      Object.values(world.images).flatMap((i) => i.repoTags.map((t) => t.replace(/:latest$/, ''))),
    ),
  ].sort();
}

function dockerCandidates(
  before: readonly string[],
  word: string,
  world: World,
): readonly string[] {
  const positional = before.filter((w) => !w.startsWith('-'));
  const [first, second] = positional;
  if (first === undefined) return dockerSubcommands();
  if (GROUPS.has(first) && second === undefined) return dockerSubcommands(first);
  const path = GROUPS.has(first) ? `${first} ${second ?? ''}` : first;
  if (word.startsWith('-')) {
    const ref = commandReference(path);
    return (ref?.flags ?? []).flatMap((f) => [`--${f.long}`]);
  }
  if (SWARM_GROUPS.has(first)) return [];
  const previous = before.at(-1);
  if (previous === '--network')
    return Object.values(world.networks)
      .map((n) => n.name)
      .sort();
  if (NO_NAMES.has(path)) return [];
  if (IMAGE_COMMANDS.has(path)) {
    // `docker run IMAGE`: only the first positional is an image.
    const argsSoFar = positional.length - (GROUPS.has(first) ? 2 : 1);
    return argsSoFar === 0 || path.endsWith('rmi') || path.endsWith('image rm')
      ? imageNames(world)
      : [];
  }
  if (NETWORK_COMMANDS.has(path))
    return Object.values(world.networks)
      .map((n) => n.name)
      .sort();
  if (VOLUME_COMMANDS.has(path)) return Object.keys(world.volumes).sort();
  if (path === 'start' || path === 'container start') return containerNames(world, false);
  if (path === 'stop' || path === 'kill' || path === 'pause' || path === 'exec' || path === 'top')
    return positional.length > 1 ? [] : containerNames(world, true);
  return containerNames(world);
}

export function completeLine(line: string, cursor: number, sources: CompletionSources): Completion {
  const point = completionPoint(line, cursor);
  const { command, args, word } = point;
  let candidates: readonly string[];
  if (command === undefined) candidates = sources.commands;
  else if (command === 'docker') candidates = dockerCandidates(args, word, sources.world);
  else if (command === 'sudo' && args.length === 0) candidates = sources.commands;
  else
    candidates = Object.hasOwn(sources.specs, command)
      ? (sources.specs[command]?.complete?.(args, sources.world) ?? [])
      : [];
  return completion(point, candidates);
}
