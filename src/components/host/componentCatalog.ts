/**
 * What the diagram knows about each host component, per era: the name it runs or appears as,
 * the short note under it, and its place in the layout. Pure data and functions over
 * src/sim/eras.ts (the one source for binary names), so the inspector and the diagram agree.
 */
import { ERA_INFO, ERAS, type ComponentRole, type Era, type EraInfo } from '../../sim/eras';

/** Roles drawn in the host view today (the container itself arrives with the simulation). */
export type HostRole = Exclude<ComponentRole, 'container'>;

/** Every role the host view can draw, in reading order from the CLI down. */
export const HOST_ROLES: readonly HostRole[] = [
  'cli',
  'api',
  'dockerd',
  'containerd',
  'shim',
  'runc',
  'registry',
  'images',
  'networks',
  'volumes',
];

export function isHostRole(value: string): value is HostRole {
  return (HOST_ROLES as readonly string[]).includes(value);
}

/** Processes with a binary name per era in ERA_INFO. */
export type ProcessRole = 'cli' | 'dockerd' | 'containerd' | 'shim' | 'runc';

/** How a node is drawn: a program, the API socket, a store beside dockerd, a remote service. */
export type ComponentKind = 'process' | 'endpoint' | 'store' | 'remote';

/** Keys under `notes.` in the locale files; values fill their placeholders. */
export type NoteKey =
  | 'apiVersion'
  | 'httpClient'
  | 'childrenOfDaemon'
  | 'startedByDockerd'
  | 'systemdService'
  | 'onePerContainer'
  | 'exitsAfterStart'
  | 'remote'
  | 'layers'
  | 'libnetwork'
  | 'localDriver';

export interface ComponentNote {
  readonly key: NoteKey;
  readonly values?: Readonly<Record<string, string>>;
}

export const API_SOCKET = '/var/run/docker.sock';

const PROCESS_ROLES: readonly ProcessRole[] = ['cli', 'dockerd', 'containerd', 'shim', 'runc'];

export function isProcessRole(role: ComponentRole): role is ProcessRole {
  return (PROCESS_ROLES as readonly string[]).includes(role);
}

export const COMPONENT_KIND: Readonly<Record<HostRole, ComponentKind>> = {
  cli: 'process',
  api: 'endpoint',
  dockerd: 'process',
  containerd: 'process',
  shim: 'process',
  runc: 'process',
  registry: 'remote',
  images: 'store',
  networks: 'store',
  volumes: 'store',
};

/** Fixed names of the parts that are not processes (FACTS.md §5, §6, §8). */
const FIXED_NAMES: Readonly<Record<Exclude<HostRole, ProcessRole>, string>> = {
  api: API_SOCKET,
  registry: 'docker.io',
  images: '/var/lib/docker',
  networks: 'docker0',
  volumes: '/var/lib/docker/volumes',
};

/** The name a component shows in an era, or null when the era has no such component. */
export function componentName(era: Era, role: HostRole): string | null {
  return isProcessRole(role) ? ERA_INFO[era].binaries[role] : FIXED_NAMES[role];
}

/** Notes that read the same in every era. */
const FIXED_NOTES: Readonly<Record<Exclude<HostRole, 'api' | 'dockerd' | 'containerd'>, NoteKey>> =
  {
    cli: 'httpClient',
    shim: 'onePerContainer',
    runc: 'exitsAfterStart',
    registry: 'remote',
    images: 'layers',
    networks: 'libnetwork',
    volumes: 'localDriver',
  };

/** The short note drawn under a component's name in an era, if any. */
export function componentNote(era: Era, role: HostRole): ComponentNote | null {
  const info = ERA_INFO[era];
  switch (role) {
    case 'api':
      return { key: 'apiVersion', values: { version: info.apiVersion } };
    case 'dockerd':
      // Before 1.11 the daemon ran containers in-process: they were its children.
      return info.binaries.containerd === null ? { key: 'childrenOfDaemon' } : null;
    case 'containerd':
      return { key: info.containerdParent === 'dockerd' ? 'startedByDockerd' : 'systemdService' };
    default:
      return { key: FIXED_NOTES[role] };
  }
}

export interface EraName {
  readonly era: Era;
  /** Binary name, or for the API the version spoken; null when it did not exist. */
  readonly name: string | null;
}

/** For the inspector: what a component was called in each era (null for non-processes). */
export function namesAcrossEras(role: ComponentRole): readonly EraName[] | null {
  const nameIn = isProcessRole(role)
    ? (info: EraInfo) => info.binaries[role]
    : role === 'api'
      ? (info: EraInfo) => info.apiVersion
      : null;
  return nameIn && ERAS.map((era) => ({ era, name: nameIn(ERA_INFO[era]) }));
}
