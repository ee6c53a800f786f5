/**
 * Docker eras: which binaries run, and how they are related, in each period of Docker's
 * history. Facts from FACTS.md §4 (timeline) and §3 (dockerd and containerd).
 *
 * - `monolith` (Docker 1.10 and before): one `docker` binary runs the daemon; containers are
 *   its child processes (in-process execdriver) and die with it.
 * - `split` (Docker 1.12 to 18.06): `dockerd` starts `docker-containerd` as its child; one
 *   `docker-containerd-shim` per container; `docker-runc` creates the container and exits.
 *   (1.11 already had containerd and runc, but the daemon was still `docker daemon`.)
 * - `modern` (Docker 20.10 and later): `containerd` is its own systemd service (since
 *   18.09), the shim is `containerd-shim-runc-v2` (since 20.10), `runc` as before.
 */

export type Era = 'monolith' | 'split' | 'modern';

export const ERAS: readonly Era[] = ['monolith', 'split', 'modern'];

/** Roles of the host's parts; the diagram and the process table use these ids. */
export type ComponentRole =
  | 'cli'
  | 'api'
  | 'dockerd'
  | 'containerd'
  | 'shim'
  | 'runc'
  | 'container'
  | 'registry'
  | 'images'
  | 'networks'
  | 'volumes';

export interface EraInfo {
  readonly era: Era;
  /** Versions the era spans, for labels ("Docker 20.10 and later"). */
  readonly versions: string;
  /** Server version reported by `docker version` in this era. */
  readonly serverVersion: string;
  /** Highest Engine API version the daemon speaks in this era. */
  readonly apiVersion: string;
  /** Lowest Engine API version it accepts. */
  readonly minApiVersion: string;
  /** The Go release the era's docker binaries were built with (`docker version`). */
  readonly goVersion: string;
  /** Binary (process) names, or null where the era has no such process. */
  readonly binaries: {
    readonly cli: string;
    readonly dockerd: string;
    readonly containerd: string | null;
    readonly shim: string | null;
    readonly runc: string | null;
  };
  /** Whether containerd is a child of dockerd (split) or its own service (modern). */
  readonly containerdParent: 'dockerd' | 'systemd' | null;
}

export const ERA_INFO: Readonly<Record<Era, EraInfo>> = {
  monolith: {
    era: 'monolith',
    versions: 'Docker 1.10 and before',
    serverVersion: '1.10.3',
    apiVersion: '1.22',
    minApiVersion: '1.12',
    goVersion: 'go1.5.3',
    binaries: { cli: 'docker', dockerd: 'docker', containerd: null, shim: null, runc: null },
    containerdParent: null,
  },
  split: {
    era: 'split',
    versions: 'Docker 1.12 to 18.06',
    serverVersion: '18.06.3-ce',
    apiVersion: '1.38',
    minApiVersion: '1.12',
    goVersion: 'go1.10.8',
    binaries: {
      cli: 'docker',
      dockerd: 'dockerd',
      containerd: 'docker-containerd',
      shim: 'docker-containerd-shim',
      runc: 'docker-runc',
    },
    containerdParent: 'dockerd',
  },
  modern: {
    era: 'modern',
    versions: 'Docker 20.10 and later',
    serverVersion: '28.5.2',
    apiVersion: '1.51',
    minApiVersion: '1.24',
    goVersion: 'go1.24.8',
    binaries: {
      cli: 'docker',
      dockerd: 'dockerd',
      containerd: 'containerd',
      shim: 'containerd-shim-runc-v2',
      runc: 'runc',
    },
    containerdParent: 'systemd',
  },
};

/** The binary name a role runs as in an era, or null when the era has no such process. */
export function binaryName(
  era: Era,
  role: 'cli' | 'dockerd' | 'containerd' | 'shim' | 'runc',
): string | null {
  return ERA_INFO[era].binaries[role];
}

export function isEra(value: unknown): value is Era {
  return typeof value === 'string' && (ERAS as readonly string[]).includes(value);
}
