/**
 * /run as Docker's daemons fill it: dockerd's socket and pid file, its exec root
 * (/run/docker: per-container FIFOs, runc state, network namespaces), and in the modern era
 * containerd's (/run/containerd: sockets, task bundles, shim sockets). A clean shutdown
 * removes a daemon's socket and pid file; a SIGKILL leaves them behind. Pure.
 */
import type { World } from '../../sim/types';
import {
  dir,
  fifo,
  file,
  fromEntries,
  link,
  liveTasks,
  opaque,
  opaqueFile,
  serviceStart,
  sock,
  taskStart,
  type DirNode,
  type FsNode,
} from './fsnode';
import { sandboxKey, shimSocket, socketListening, socketPresent } from './hostinfo';

function modernBundle(world: World, id: string): DirNode {
  const t = taskStart(world, id);
  const task = world.tasks[id];
  return dir(
    'rwx------',
    'tmpfs',
    () =>
      fromEntries([
        ['address', file('rw-r--r--', 'tmpfs', () => `unix://${shimSocket(id)}`, t)],
        ['config.json', opaqueFile('rw-r--r--', 'tmpfs', t)],
        ...(task?.initPid
          ? [['init.pid', file('rw-r--r--', 'tmpfs', () => String(task.initPid), t)] as const]
          : []),
        ['log', fifo(t)],
        ['log.json', file('rw-r--r--', 'tmpfs', () => '', t)],
        ['options.json', opaqueFile('rw-r--r--', 'tmpfs', t)],
        ['rootfs', opaque('rwxr-xr-x', 'tmpfs', t)],
        ['runtime', opaqueFile('rw-r--r--', 'tmpfs', t)],
        [
          'shim-binary-path',
          file('rw-r--r--', 'tmpfs', () => '/usr/bin/containerd-shim-runc-v2', t),
        ],
        ['work', link(`/var/lib/containerd/io.containerd.runtime.v2.task/moby/${id}`, 'tmpfs', t)],
      ]),
    t,
  );
}

function splitBundle(world: World, id: string): DirNode {
  const t = taskStart(world, id);
  const task = world.tasks[id];
  return dir(
    'rwx------',
    'tmpfs',
    () =>
      fromEntries([
        ['config.json', opaqueFile('rw-r--r--', 'tmpfs', t)],
        ...(task?.initPid
          ? [['init.pid', file('rw-r--r--', 'tmpfs', () => String(task.initPid), t)] as const]
          : []),
        ['log.json', file('rw-r--r--', 'tmpfs', () => '', t)],
        ['rootfs', opaque('rwxr-xr-x', 'tmpfs', t)],
      ]),
    t,
  );
}

/** dockerd's per-container FIFO directory (moby libcontainerd: init-stdout, init-stderr). */
function fifoDirs(world: World): [string, FsNode][] {
  return liveTasks(world).map((task) => {
    const t = taskStart(world, task.containerId);
    const c = world.containers[task.containerId];
    const entries: [string, FsNode][] = [
      ['init-stderr', fifo(t)],
      ['init-stdout', fifo(t)],
    ];
    if (c?.config.openStdin) entries.push(['init-stdin', fifo(t)]);
    return [task.containerId, dir('rwx------', 'tmpfs', () => fromEntries(entries), t)];
  });
}

/** runc's state directory for Docker's containers (one per container that runc created). */
function runcStateRoot(world: World): DirNode {
  return dir('rwx------', 'tmpfs', () =>
    fromEntries([
      [
        'moby',
        dir('rwx--x--x', 'tmpfs', () =>
          fromEntries(
            liveTasks(world)
              .filter((t) => t.oci !== 'creating')
              .map((t) => [
                t.containerId,
                dir(
                  'rwx--x--x',
                  'tmpfs',
                  () => fromEntries([['state.json', opaqueFile('rw-------', 'tmpfs')]]),
                  taskStart(world, t.containerId),
                ),
              ]),
          ),
        ),
      ],
    ]),
  );
}

function netns(world: World): DirNode {
  return dir('rwxr-xr-x', 'tmpfs', () =>
    fromEntries(
      Object.values(world.containers)
        .filter((c) => c.pid !== 0 && c.hostConfig.networkMode !== 'host')
        .map((c) => [sandboxKey(c.id), file('r--r--r--', 'proc', () => null, c.startedAt ?? 0)]),
    ),
  );
}

function runDocker(world: World): DirNode {
  const era = world.settings.era;
  const dockerdUp = socketListening(world, 'dockerd');
  return dir('rwx------', 'tmpfs', () => {
    if (era === 'monolith') {
      return fromEntries([
        [
          'execdriver',
          dir('rwx------', 'tmpfs', () =>
            fromEntries([
              [
                'native',
                dir('rwx------', 'tmpfs', () =>
                  fromEntries(
                    Object.values(world.containers)
                      .filter((c) => c.pid !== 0)
                      .map((c) => [
                        c.id,
                        dir(
                          'rwx--x--x',
                          'tmpfs',
                          () => fromEntries([['state.json', opaqueFile('rw-------', 'tmpfs')]]),
                          c.startedAt ?? 0,
                        ),
                      ]),
                  ),
                ),
              ],
            ]),
          ),
        ],
        ['netns', netns(world)],
      ]);
    }
    const entries: [string, FsNode][] = [];
    if (era === 'split') {
      const containerdUp = socketPresent(world, 'containerd');
      entries.push([
        'containerd',
        dir('rwx------', 'tmpfs', () =>
          fromEntries([
            ...fifoDirs(world),
            ['containerd.toml', opaqueFile('rw-r--r--', 'tmpfs')],
            [
              'daemon',
              dir('rwx--x--x', 'tmpfs', () =>
                fromEntries([
                  [
                    'io.containerd.runtime.v1.linux',
                    dir('rwx--x--x', 'tmpfs', () =>
                      fromEntries([
                        [
                          'moby',
                          dir('rwx--x--x', 'tmpfs', () =>
                            fromEntries(
                              liveTasks(world).map((t) => [
                                t.containerId,
                                splitBundle(world, t.containerId),
                              ]),
                            ),
                          ),
                        ],
                      ]),
                    ),
                  ],
                ]),
              ),
            ],
            ...(containerdUp
              ? ([
                  ['docker-containerd-debug.sock', sock(serviceStart(world, 'containerd'))],
                  [
                    'docker-containerd.pid',
                    file(
                      'rw-r--r--',
                      'tmpfs',
                      () => String(world.services.containerd.pid ?? ''),
                      serviceStart(world, 'containerd'),
                    ),
                  ],
                  ['docker-containerd.sock', sock(serviceStart(world, 'containerd'))],
                ] as [string, FsNode][])
              : []),
          ]),
        ),
      ]);
    } else {
      entries.push(['containerd', dir('rwx------', 'tmpfs', () => fromEntries(fifoDirs(world)))]);
    }
    if (dockerdUp) entries.push(['metrics.sock', sock(serviceStart(world, 'dockerd'))]);
    entries.push(['netns', netns(world)]);
    entries.push(['plugins', dir('rwx------', 'tmpfs', () => ({}))]);
    entries.push(['runtime-runc', runcStateRoot(world)]);
    return fromEntries(entries);
  });
}

function runContainerd(world: World): DirNode {
  const t = serviceStart(world, 'containerd');
  return dir('rwx--x--x', 'tmpfs', () => {
    const entries: [string, FsNode][] = [];
    if (socketPresent(world, 'containerd')) {
      entries.push(['containerd.sock', sock(t)], ['containerd.sock.ttrpc', sock(t)]);
    }
    entries.push(['io.containerd.runtime.v1.linux', dir('rwx--x--x', 'tmpfs', () => ({}))]);
    entries.push([
      'io.containerd.runtime.v2.task',
      dir('rwx--x--x', 'tmpfs', () =>
        fromEntries([
          [
            'moby',
            dir('rwx--x--x', 'tmpfs', () =>
              fromEntries(
                liveTasks(world).map((task) => [
                  task.containerId,
                  modernBundle(world, task.containerId),
                ]),
              ),
            ),
          ],
        ]),
      ),
    ]);
    entries.push([
      's',
      dir('rwx------', 'tmpfs', () =>
        fromEntries(
          liveTasks(world)
            .filter((task) => task.shimPid !== null && world.processes[task.shimPid])
            .map((task) => [
              shimSocket(task.containerId).split('/').at(-1) ?? '',
              sock(taskStart(world, task.containerId)),
            ]),
        ),
      ),
    ]);
    return fromEntries(entries);
  });
}

export function runDir(world: World): DirNode {
  const era = world.settings.era;
  return dir('rwxr-xr-x', 'tmpfs', () => {
    const entries: [string, FsNode][] = [];
    if (era === 'modern') entries.push(['containerd', runContainerd(world)]);
    entries.push(['docker', runDocker(world)]);
    const dockerd = world.services.dockerd;
    // The pid file goes with a clean shutdown and stays behind a crash, like the socket.
    if (socketPresent(world, 'dockerd')) {
      const t = serviceStart(world, 'dockerd');
      entries.push(['docker.pid', file('rw-r--r--', 'tmpfs', () => String(dockerd.pid ?? ''), t)]);
      entries.push(['docker.sock', sock(t, 'docker')]);
    }
    return fromEntries(entries);
  });
}
