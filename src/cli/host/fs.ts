/**
 * The part of the host's filesystem that shows Docker's anatomy, built from the world on
 * demand: /etc/docker, /run (fsrun.ts), /var/lib (fsvar.ts), /proc and /sys/fs/cgroup
 * (fsproc.ts). What exists follows the era and the moment. Paths outside the model do not
 * exist here. Pure.
 */
import type { World } from '../../sim/types';
import { dir, file, fromEntries, link, type DirNode, type FsNode } from './fsnode';
import { procDir, sysCgroup } from './fsproc';
import { runDir } from './fsrun';
import { varLibContainerd, varLibDocker } from './fsvar';
import { HOSTNAME, OS_RELEASE } from './hostinfo';
import type { HostProcess } from './proctable';

export { lookup, type DirNode, type FsNode } from './fsnode';

/** The root of the modelled filesystem, for the world and the process table of this moment. */
export function rootDir(world: World, table: readonly HostProcess[]): DirNode {
  const tool = table.find((p) => p.session && p.stat.startsWith('R'));
  const era = world.settings.era;
  return dir('rwxr-xr-x', 'ext4', () =>
    fromEntries([
      [
        'etc',
        dir('rwxr-xr-x', 'ext4', () =>
          fromEntries([
            [
              'docker',
              dir('rwxr-xr-x', 'ext4', () =>
                world.settings.daemonJson === ''
                  ? {}
                  : fromEntries([
                      ['daemon.json', file('rw-r--r--', 'ext4', () => world.settings.daemonJson)],
                    ]),
              ),
            ],
            ['hostname', file('rw-r--r--', 'ext4', () => `${HOSTNAME}\n`)],
            ['os-release', file('rw-r--r--', 'ext4', () => OS_RELEASE)],
          ]),
        ),
      ],
      ['proc', procDir(world, table, tool)],
      ['root', dir('rwx------', 'ext4', () => ({}))],
      ['run', runDir(world)],
      [
        'sys',
        dir('r-xr-xr-x', 'sysfs', () =>
          fromEntries([
            [
              'fs',
              dir('r-xr-xr-x', 'sysfs', () => fromEntries([['cgroup', sysCgroup(world, table)]])),
            ],
          ]),
        ),
      ],
      [
        'var',
        dir('rwxr-xr-x', 'ext4', () =>
          fromEntries([
            [
              'lib',
              dir('rwxr-xr-x', 'ext4', () =>
                fromEntries([
                  ...(era === 'modern'
                    ? ([['containerd', varLibContainerd()]] as [string, FsNode][])
                    : []),
                  ['docker', varLibDocker(world)],
                ]),
              ),
            ],
            ['run', link('/run', 'ext4')],
          ]),
        ),
      ],
    ]),
  );
}
