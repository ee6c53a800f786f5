/**
 * /proc (a directory per process with status, cmdline, comm, cgroup and ns/) and
 * /sys/fs/cgroup (cgroup v2 with systemd's slices and Docker's docker-<id>.scope groups, or
 * the v1 freezer and pids hierarchies with /docker/<id> groups). Pure.
 */
import type { World } from '../../sim/types';
import {
  dir,
  file,
  fromEntries,
  link,
  opaque,
  opaqueFile,
  type DirNode,
  type FsNode,
} from './fsnode';
import { cgroupV2, containerCgroup } from './hostinfo';
import { cgroupFile, cmdlineFile, NS_TYPES, nsLink, statusFile } from './procfs';
import type { HostProcess } from './proctable';

export function procDir(
  world: World,
  table: readonly HostProcess[],
  tool: HostProcess | undefined,
): DirNode {
  const pidDir = (p: HostProcess): DirNode =>
    dir(
      'r-xr-xr-x',
      'proc',
      () =>
        fromEntries([
          ['cgroup', file('r--r--r--', 'proc', () => cgroupFile(world, p), p.startedAt)],
          ['cmdline', file('r--r--r--', 'proc', () => cmdlineFile(p), p.startedAt)],
          ['comm', file('rw-r--r--', 'proc', () => `${p.comm}\n`, p.startedAt)],
          ['environ', opaqueFile('r--------', 'proc', p.startedAt)],
          [
            'ns',
            dir(
              'r-x--x--x',
              'proc',
              () =>
                fromEntries(
                  NS_TYPES.map((type) => [type, link(nsLink(world, p, type), 'proc', p.startedAt)]),
                ),
              p.startedAt,
            ),
          ],
          ['status', file('r--r--r--', 'proc', () => statusFile(p, table), p.startedAt)],
        ]),
      p.startedAt,
    );
  return dir('r-xr-xr-x', 'proc', () => {
    const entries: [string, FsNode][] = table.map((p) => [String(p.pid), pidDir(p)]);
    if (tool) entries.push(['self', link(String(tool.pid), 'proc')]);
    const up = world.now / 1000;
    entries.push([
      'uptime',
      file('r--r--r--', 'proc', () => `${up.toFixed(2)} ${(up * 3.9).toFixed(2)}\n`),
    ]);
    return fromEntries(entries);
  });
}

function cgroupLeaf(pids: () => number[], frozen: () => boolean): DirNode {
  return dir('rwxr-xr-x', 'cgroup', () =>
    fromEntries([
      [
        'cgroup.events',
        file(
          'r--r--r--',
          'cgroup',
          () => `populated ${pids().length > 0 ? 1 : 0}\nfrozen ${frozen() ? 1 : 0}\n`,
        ),
      ],
      ['cgroup.freeze', file('rw-r--r--', 'cgroup', () => `${frozen() ? 1 : 0}\n`)],
      [
        'cgroup.procs',
        file('rw-r--r--', 'cgroup', () =>
          pids()
            .map((p) => `${p}\n`)
            .join(''),
        ),
      ],
      ['pids.current', file('r--r--r--', 'cgroup', () => `${pids().length}\n`)],
    ]),
  );
}

export function sysCgroup(world: World, table: readonly HostProcess[]): DirNode {
  const era = world.settings.era;
  const inGroup = (path: string) => () => table.filter((p) => p.cgroup === path).map((p) => p.pid);
  const running = Object.values(world.containers).filter((c) =>
    table.some((p) => p.containerId === c.id && p.nsPid !== undefined),
  );
  const frozenOf = (id: string) => () =>
    table.some((p) => p.containerId === id && p.nsPid !== undefined && p.frozen);
  if (cgroupV2(era)) {
    return dir('r-xr-xr-x', 'cgroup', () =>
      fromEntries([
        [
          'cgroup.controllers',
          file('r--r--r--', 'cgroup', () => 'cpuset cpu io memory hugetlb pids rdma misc\n'),
        ],
        ['init.scope', cgroupLeaf(inGroup('/init.scope'), () => false)],
        [
          'system.slice',
          dir('rwxr-xr-x', 'cgroup', () =>
            fromEntries([
              [
                'containerd.service',
                cgroupLeaf(inGroup('/system.slice/containerd.service'), () => false),
              ],
              ['docker.service', cgroupLeaf(inGroup('/system.slice/docker.service'), () => false)],
              ...running.map(
                (c) =>
                  [
                    `docker-${c.id}.scope`,
                    cgroupLeaf(inGroup(containerCgroup(era, c.id)), frozenOf(c.id)),
                  ] as [string, FsNode],
              ),
            ]),
          ),
        ],
        [
          'user.slice',
          dir('rwxr-xr-x', 'cgroup', () =>
            fromEntries([
              [
                'user-0.slice',
                dir('rwxr-xr-x', 'cgroup', () =>
                  fromEntries([
                    [
                      'session-1.scope',
                      cgroupLeaf(inGroup('/user.slice/user-0.slice/session-1.scope'), () => false),
                    ],
                  ]),
                ),
              ],
            ]),
          ),
        ],
      ]),
    );
  }
  // cgroup v1, cgroupfs driver: every controller has a docker/<id> group.
  const v1Leaf = (id: string, controller: 'freezer' | 'pids'): DirNode =>
    dir('rwxr-xr-x', 'cgroup', () => {
      const pids = inGroup(containerCgroup(era, id));
      const list = () =>
        pids()
          .map((p) => `${p}\n`)
          .join('');
      const entries: [string, FsNode][] = [
        ['cgroup.procs', file('rw-r--r--', 'cgroup', list)],
        ['tasks', file('rw-r--r--', 'cgroup', list)],
      ];
      if (controller === 'freezer')
        entries.push([
          'freezer.state',
          file('rw-r--r--', 'cgroup', () => (frozenOf(id)() ? 'FROZEN\n' : 'THAWED\n')),
        ]);
      else entries.push(['pids.current', file('r--r--r--', 'cgroup', () => `${pids().length}\n`)]);
      return fromEntries(entries);
    });
  const v1Controller = (controller: 'freezer' | 'pids'): DirNode =>
    dir('r-xr-xr-x', 'cgroup', () =>
      fromEntries([
        [
          'docker',
          dir('rwxr-xr-x', 'cgroup', () =>
            fromEntries(running.map((c) => [c.id, v1Leaf(c.id, controller)])),
          ),
        ],
      ]),
    );
  return dir('rwxr-xr-t', 'tmpfs', () =>
    fromEntries([
      ['blkio', opaque('r-xr-xr-x', 'cgroup')],
      ['cpu', link('cpu,cpuacct', 'tmpfs')],
      ['cpu,cpuacct', opaque('r-xr-xr-x', 'cgroup')],
      ['cpuacct', link('cpu,cpuacct', 'tmpfs')],
      ['cpuset', opaque('r-xr-xr-x', 'cgroup')],
      ['devices', opaque('r-xr-xr-x', 'cgroup')],
      ['freezer', v1Controller('freezer')],
      ['hugetlb', opaque('r-xr-xr-x', 'cgroup')],
      ['memory', opaque('r-xr-xr-x', 'cgroup')],
      ['misc', opaque('r-xr-xr-x', 'cgroup')],
      ['net_cls', link('net_cls,net_prio', 'tmpfs')],
      ['net_cls,net_prio', opaque('r-xr-xr-x', 'cgroup')],
      ['net_prio', link('net_cls,net_prio', 'tmpfs')],
      ['perf_event', opaque('r-xr-xr-x', 'cgroup')],
      ['pids', v1Controller('pids')],
      ['rdma', opaque('r-xr-xr-x', 'cgroup')],
      ['systemd', opaque('r-xr-xr-x', 'cgroup')],
      ['unified', opaque('r-xr-xr-x', 'cgroup')],
    ]),
  );
}
