/**
 * Command lines of the host's daemons and helpers, per era, as `ps -ef` shows them.
 */
import { ERA_INFO, type Era } from './eras';

export const DOCKER_SOCK = 'unix:///var/run/docker.sock';
export const CONTAINERD_SOCK = '/run/containerd/containerd.sock';
const SPLIT_CONTAINERD_SOCK = '/var/run/docker/containerd/docker-containerd.sock';

export function daemonArgs(era: Era): string[] {
  if (era === 'monolith') return ['/usr/bin/docker', 'daemon', '-H', DOCKER_SOCK];
  if (era === 'split') return ['/usr/bin/dockerd', '-H', DOCKER_SOCK];
  return ['/usr/bin/dockerd', '-H', DOCKER_SOCK, `--containerd=${CONTAINERD_SOCK}`];
}

export function containerdArgs(era: Era): string[] {
  if (era === 'split') {
    return ['docker-containerd', '--config', '/var/run/docker/containerd/containerd.toml'];
  }
  return ['/usr/bin/containerd'];
}

export function containerdSocket(era: Era): string {
  return era === 'split' ? SPLIT_CONTAINERD_SOCK : CONTAINERD_SOCK;
}

export function shimName(era: Era): string {
  return ERA_INFO[era].binaries.shim ?? 'shim';
}

export function runcName(era: Era): string {
  return ERA_INFO[era].binaries.runc ?? 'runc';
}

export function containerdName(era: Era): string {
  return ERA_INFO[era].binaries.containerd ?? 'containerd';
}

export function shimArgs(era: Era, id: string): string[] {
  if (era === 'split') {
    return [
      'docker-containerd-shim',
      '-namespace',
      'moby',
      '-workdir',
      `/var/lib/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/${id}`,
      '-address',
      SPLIT_CONTAINERD_SOCK,
      '-containerd-binary',
      '/usr/bin/docker-containerd',
      '-runtime-root',
      '/var/run/docker/runtime-runc',
    ];
  }
  return [
    '/usr/bin/containerd-shim-runc-v2',
    '-namespace',
    'moby',
    '-id',
    id,
    '-address',
    CONTAINERD_SOCK,
  ];
}

/** The OCI bundle directory the shim hands to runc. */
export function bundlePath(era: Era, id: string): string {
  if (era === 'split')
    return `/run/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/${id}`;
  return `/run/containerd/io.containerd.runtime.v2.task/moby/${id}`;
}

export function runcArgs(era: Era, op: string, id: string, extra: string[] = []): string[] {
  // moby gives the runc v2 shim Root = <exec-root>/runtime-runc, and the shim adds the namespace.
  const root =
    era === 'split' ? '/var/run/docker/runtime-runc/moby' : '/run/docker/runtime-runc/moby';
  const base = [runcName(era), '--root', root];
  if (op === 'create')
    return [
      ...base,
      'create',
      '--bundle',
      bundlePath(era, id),
      '--pid-file',
      `${bundlePath(era, id)}/init.pid`,
      id,
    ];
  return [...base, op, ...extra, id];
}
