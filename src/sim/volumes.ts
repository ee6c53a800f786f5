/**
 * Volumes (the `local` driver, /var/lib/docker/volumes). Named volumes outlive `docker rm`
 * and are never removed automatically; anonymous ones go with `docker run --rm` or `rm -v`.
 */
import type { DockerHost } from './host';
import type { Volume } from './types';

export const VOLUME_ROOT = '/var/lib/docker/volumes';

export function createVolume(h: DockerHost, name: string | null): Volume {
  const anonymous = name === null;
  const volumeName = name ?? h.newId();
  const existing = h.world.volumes[volumeName];
  if (existing) return existing;
  const volume: Volume = {
    name: volumeName,
    anonymous,
    created: h.now,
    mountpoint: `${VOLUME_ROOT}/${volumeName}/_data`,
  };
  h.change(
    { op: 'volume.add', volume },
    'dockerd',
    `volume ${anonymous ? volumeName.slice(0, 12) : volumeName} created`,
  );
  h.change(
    {
      op: 'event',
      event: {
        type: 'volume',
        action: 'create',
        actorId: volumeName,
        attributes: { driver: 'local' },
        time: h.now,
      },
    },
    'dockerd',
    'event volume create',
  );
  return volume;
}

/** Containers (any state) that use a volume. */
export function volumeUsers(h: DockerHost, name: string): string[] {
  return Object.values(h.world.containers)
    .filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name))
    .map((c) => c.id);
}

export function removeVolume(h: DockerHost, name: string): void {
  if (!h.world.volumes[name]) return;
  h.change({ op: 'volume.remove', name }, 'dockerd', `volume ${name.slice(0, 12)} removed`);
  h.change(
    {
      op: 'event',
      event: {
        type: 'volume',
        action: 'destroy',
        actorId: name,
        attributes: { driver: 'local' },
        time: h.now,
      },
    },
    'dockerd',
    'event volume destroy',
  );
}

export const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
