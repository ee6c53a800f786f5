/**
 * Tab completion in the laptop's shell: command names first, then what the command offers;
 * after `kubectl`, its subcommands, resource types, the names that fit (pods and deployments
 * of the namespace given with -n, nodes), flags after a `-`, and the values of -n and -o.
 * Only candidates that start with the word being typed are kept.
 */
import type { KubePort } from '../../sim/kube/port';
import type { KubeWorld } from '../../sim/kube/types';
import { completion, completionPoint } from '../shell/completion';
import type { Completion } from '../shell/types';
import { SUPPORTED_COMMANDS } from './help';
import { listNames } from './printers';
import { NAMESPACES, RESOURCE_WORDS, own, resolveResource, type ResourceKind } from './resources';
import type { KubeCommandSpec } from './types';

const FLAGS: Readonly<Record<string, readonly string[]>> = {
  get: ['--all-namespaces', '--namespace', '--output', '--watch', '--no-headers'],
  create: ['--image', '--replicas', '--namespace'],
  scale: ['--replicas', '--namespace'],
  delete: ['--all', '--wait=false', '--namespace'],
  drain: ['--ignore-daemonsets', '--delete-emptydir-data', '--force'],
  version: ['--client'],
};
const VALUED = new Set(['-n', '--namespace', '-o', '--output', '--image', '--replicas', '-r']);

function namesOf(world: KubeWorld, kind: ResourceKind, namespace: string | null): string[] {
  return listNames(world, kind, namespace);
}

function namespaces(world: KubeWorld): string[] {
  const used = Object.values(world.pods).map((p) => p.namespace);
  return [...new Set([...NAMESPACES, ...used])];
}

export function completeKubectl(before: readonly string[], world: KubeWorld, word = ''): string[] {
  const previous = before.at(-1);
  if (previous === '-n' || previous === '--namespace') return namespaces(world);
  if (previous === '-o' || previous === '--output') return ['wide', 'name'];
  const positional: string[] = [];
  let namespace: string | null = 'default';
  for (let i = 0; i < before.length; i++) {
    const w = before[i] ?? '';
    if (w === '-A' || w === '--all-namespaces') namespace = null;
    else if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    else if (w === '-n' || w === '--namespace') namespace = before[++i] ?? namespace;
    else if (VALUED.has(w)) i++;
    else if (!w.startsWith('-')) positional.push(w);
  }
  const [sub, type] = positional;
  if (sub === undefined) return [...SUPPORTED_COMMANDS];
  if (word.startsWith('-')) return [...(own(FLAGS, sub) ?? []), '--help'];
  switch (sub) {
    case 'help':
      return positional.length === 1 ? [...SUPPORTED_COMMANDS] : [];
    case 'create':
      return positional.length === 1 ? ['deployment'] : [];
    case 'cordon':
    case 'uncordon':
    case 'drain':
      return namesOf(world, 'nodes', null);
    case 'get':
    case 'delete':
    case 'scale': {
      if (type === undefined)
        return sub === 'get'
          ? [...RESOURCE_WORDS]
          : sub === 'delete'
            ? ['pods', 'deployments']
            : ['deployment'];
      const resolved = resolveResource(type);
      if (!resolved.ok) return [];
      return namesOf(world, resolved.info.kind, namespace);
    }
    default:
      return [];
  }
}

export function completeLine(
  line: string,
  cursor: number,
  commands: Readonly<Record<string, KubeCommandSpec>>,
  port: KubePort,
): Completion {
  const point = completionPoint(line, cursor);
  const { command, args, word } = point;
  let candidates: readonly string[] = [];
  try {
    candidates =
      command === undefined
        ? Object.keys(commands)
        : (own(commands, command)?.complete?.(args, port.world, word) ?? []);
  } catch {
    // A completion that fails offers nothing; it must not disturb the line being typed.
  }
  return completion(point, candidates);
}
