/**
 * /var/lib/docker (dockerd's records: one directory per container with its json-file log,
 * hostname and hosts) and /var/lib/containerd, per era. Image layers and containerd's stores
 * are not modelled and say so. Pure.
 */
import { etcHosts, etcResolvConf, hostnameOf } from '../../sim/containerFs';
import type { World } from '../../sim/types';
import { logrusTime, subMillis } from './clock';
import { dir, file, fromEntries, opaque, opaqueFile, type DirNode, type FsNode } from './fsnode';

function jsonLog(world: World, id: string): string {
  const c = world.containers[id];
  if (!c) return '';
  return c.logs
    .map(
      (l, i) =>
        `${JSON.stringify({ log: `${l.text}\n`, stream: l.stream, time: logrusTime(world, l.t, subMillis(i)) })}\n`,
    )
    .join('');
}

function containerDir(world: World, id: string): DirNode {
  const c = world.containers[id];
  const t = c?.created ?? 0;
  return dir(
    'rwx--x---',
    'ext4',
    () => {
      const started = c?.hasBeenStartedBefore === true;
      const entries: [string, FsNode][] = [
        [`${id}-json.log`, file('rw-r-----', 'ext4', () => jsonLog(world, id), t)],
        ['checkpoints', dir('rwx------', 'ext4', () => ({}), t)],
        ['config.v2.json', opaqueFile('rw-------', 'ext4', t)],
        ['hostconfig.json', opaqueFile('rw-------', 'ext4', t)],
      ];
      if (started) {
        entries.push(
          [
            'hostname',
            file('rw-r--r--', 'ext4', () => (c ? `${hostnameOf(c)}\n` : null), c?.startedAt ?? t),
          ],
          [
            'hosts',
            file('rw-r--r--', 'ext4', () => (c ? etcHosts(world, c) : null), c?.startedAt ?? t),
          ],
          [
            'resolv.conf',
            file(
              'rw-r--r--',
              'ext4',
              () => (c ? etcResolvConf(world, c) : null),
              c?.startedAt ?? t,
            ),
          ],
          ['resolv.conf.hash', opaqueFile('rw-------', 'ext4', c?.startedAt ?? t)],
        );
      }
      entries.push(['mounts', dir('rwx--x---', 'ext4', () => ({}), t)]);
      return fromEntries(entries);
    },
    t,
  );
}

export function varLibDocker(world: World): DirNode {
  const era = world.settings.era;
  return dir('rwx--x---', 'ext4', () => {
    const names: string[] =
      era === 'monolith'
        ? ['aufs', 'containers', 'image', 'network', 'tmp', 'trust', 'volumes']
        : era === 'split'
          ? [
              'builder',
              'buildkit',
              'containerd',
              'containers',
              'image',
              'network',
              'overlay2',
              'plugins',
              'runtimes',
              'swarm',
              'tmp',
              'trust',
              'volumes',
            ]
          : [
              'buildkit',
              'containers',
              'engine-id',
              'image',
              'network',
              'overlay2',
              'plugins',
              'runtimes',
              'swarm',
              'tmp',
              'volumes',
            ];
    const entries: [string, FsNode][] = names.map((name) => {
      switch (name) {
        case 'containers':
          return [
            name,
            dir('rwx--x---', 'ext4', () =>
              fromEntries(Object.keys(world.containers).map((id) => [id, containerDir(world, id)])),
            ),
          ];
        case 'volumes':
          return [
            name,
            dir('rwx-----x', 'ext4', () =>
              fromEntries([
                [
                  'backingFsBlockDev',
                  { kind: 'file', perms: 'rw-------', fs: 'ext4', mtime: 0, content: () => null },
                ],
                ['metadata.db', opaqueFile('rw-------', 'ext4')],
                ...Object.values(world.volumes).map(
                  (v) =>
                    [
                      v.name,
                      dir(
                        'rwx-----x',
                        'ext4',
                        () => fromEntries([['_data', opaque('rwxr-xr-x', 'ext4', v.created)]]),
                        v.created,
                      ),
                    ] as [string, FsNode],
                ),
              ]),
            ),
          ];
        case 'engine-id':
          return [name, opaqueFile('rw-r--r--', 'ext4')];
        case 'tmp':
        case 'runtimes':
          return [name, dir('rwx------', 'ext4', () => ({}))];
        default:
          return [name, opaque('rwx------', 'ext4')];
      }
    });
    return fromEntries(entries);
  });
}

export function varLibContainerd(): DirNode {
  return dir('rwx--x--x', 'ext4', () =>
    fromEntries(
      [
        'io.containerd.content.v1.content',
        'io.containerd.metadata.v1.bolt',
        'io.containerd.runtime.v1.linux',
        'io.containerd.runtime.v2.task',
        'io.containerd.snapshotter.v1.btrfs',
        'io.containerd.snapshotter.v1.native',
        'io.containerd.snapshotter.v1.overlayfs',
        'tmpmounts',
      ].map((n) => [n, opaque('rwx------', 'ext4')]),
    ),
  );
}
