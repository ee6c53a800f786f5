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

/** A directory of the user's own files (`world.files`), nested by path below `prefix`. */
function userDir(files: Readonly<Record<string, string>>, prefix: string, perms: string): DirNode {
  return dir(perms, 'ext4', () => {
    const entries: Record<string, ReturnType<typeof file> | DirNode> = {};
    for (const path of Object.keys(files).sort()) {
      if (!path.startsWith(prefix)) continue;
      const [name = '', ...rest] = path.slice(prefix.length).split('/');
      if (name === '' || entries[name]) continue;
      entries[name] =
        rest.length === 0
          ? file('rw-r--r--', 'ext4', () => files[path] ?? null)
          : userDir(files, `${prefix}${name}/`, 'rwxr-xr-x');
    }
    return entries;
  });
}

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
      ['root', userDir(world.files, '/root/', 'rwx------')],
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
