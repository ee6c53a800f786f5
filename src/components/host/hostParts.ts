/**
 * What is on the host at a moment, as the views need it: one `HostPart` per diagram node,
 * derived from a world snapshot (src/sim) and nothing else. The diagram, the inspector and
 * the accessible names all read these, so they cannot disagree.
 *
 * Part ids are the trace's endpoint ids (`dockerd`, `shim:<id>`, `container:<id>`...), so a
 * trace message maps straight onto the nodes it travels between.
 */
import { ERA_INFO, type ComponentRole } from '../../sim/eras';
import type { Container, Process, World } from '../../sim/types';

export type MachineId = 'container' | 'oci' | 'shim' | 'runc' | 'containerd' | 'dockerd';

/** A part's role: one of the host's components (src/sim/eras.ts), or the shell and PID 1. */
export type PartRole = ComponentRole | 'user' | 'systemd';

/** How a part looks: alive and well, gone, coming back, or a container's own state. */
export type PartStatus =
  | 'up'
  | 'down'
  | 'restarting'
  | 'starting'
  | 'stopping'
  | 'running'
  | 'paused'
  | 'created'
  | 'exited'
  | 'removing'
  | 'dead'
  | 'present';

export interface HostPart {
  readonly id: string;
  readonly role: PartRole;
  /** Binary, socket, path or container name. */
  readonly name: string;
  readonly status: PartStatus;
  /** The lifecycle machine that rules this part, and its current state there. */
  readonly machine: MachineId | null;
  readonly machineState: string | null;
  readonly pid: number | null;
  readonly containerId: string | null;
  /** Short facts for the node and its accessible name: image, exit code, counts. */
  readonly detail: Readonly<Record<string, string | number>>;
}

function serviceStatus(state: World['services']['dockerd']['state']): PartStatus {
  switch (state) {
    case 'up':
      return 'up';
    case 'down':
      return 'down';
    case 'restarting':
      return 'restarting';
    case 'restoring':
    case 'reconnecting':
      return 'starting';
    case 'stopping':
      return 'stopping';
  }
}

/**
 * What the host shows for a container: dockerd's record, unless the record says running and
 * no process is left (a dead 1.10 daemon took its containers along and has not yet come back
 * to write it down): then it is drawn as down, whatever the record still says.
 */
function containerStatus(c: Container, hasProcess: boolean): PartStatus {
  if ((c.state === 'running' || c.state === 'paused') && !hasProcess) return 'down';
  return c.state;
}

function part(
  fields: Omit<HostPart, 'machine' | 'machineState' | 'pid' | 'containerId' | 'detail'> &
    Partial<HostPart>,
): HostPart {
  return { machine: null, machineState: null, pid: null, containerId: null, detail: {}, ...fields };
}

/** Containers shown: every record dockerd has, plus tasks whose record is gone (orphans). */
function containerIds(world: World): string[] {
  const ids = new Set(Object.keys(world.containers));
  for (const p of Object.values(world.processes))
    if (p.containerId && p.role !== 'runc') ids.add(p.containerId);
  return [...ids].sort(
    (a, b) =>
      (world.containers[a]?.created ?? 0) - (world.containers[b]?.created ?? 0) ||
      a.localeCompare(b),
  );
}

export function hostParts(world: World): HostPart[] {
  const era = ERA_INFO[world.settings.era];
  const dockerd = world.services.dockerd;
  const containerd = world.services.containerd;
  const processes = Object.values(world.processes);
  // In the order a keyboard user meets them: the request chain first, then the rest.
  const parts: HostPart[] = [
    part({ id: 'cli', role: 'cli', name: era.binaries.cli, status: 'present' }),
    part({
      id: 'api',
      role: 'api',
      name: '/var/run/docker.sock',
      status: dockerd.state === 'up' ? 'up' : 'down',
      detail: { version: era.apiVersion },
    }),
    part({
      id: 'dockerd',
      role: 'dockerd',
      name: era.binaries.dockerd,
      status: serviceStatus(dockerd.state),
      machine: 'dockerd',
      machineState: dockerd.state,
      pid: dockerd.pid,
      detail: { liveRestore: world.daemonConfig.liveRestore ? 'on' : 'off' },
    }),
  ];
  if (era.binaries.containerd) {
    parts.push(
      part({
        id: 'containerd',
        role: 'containerd',
        name: era.binaries.containerd,
        status: serviceStatus(containerd.state),
        machine: 'containerd',
        machineState: containerd.state,
        pid: containerd.pid,
      }),
    );
  }
  for (const id of containerIds(world)) {
    const c = world.containers[id];
    const task = world.tasks[id];
    const shim = task?.shimPid ? world.processes[task.shimPid] : undefined;
    if (shim && era.binaries.shim) {
      parts.push(
        part({
          id: `shim:${id}`,
          role: 'shim',
          name: era.binaries.shim,
          status: 'up',
          machine: 'shim',
          machineState: task?.shimState ?? null,
          pid: shim.pid,
          containerId: id,
        }),
      );
    }
    const runc = processes.find((p) => p.containerId === id && p.role === 'runc');
    if (runc) {
      parts.push(
        part({
          id: `runc:${id}`,
          role: 'runc',
          name: runc.name,
          status: 'running',
          machine: 'runc',
          machineState: 'running',
          pid: runc.pid,
          containerId: id,
          detail: {
            operation:
              runc.args.find((a) =>
                ['create', 'start', 'kill', 'delete', 'pause', 'resume'].includes(a),
              ) ?? '',
          },
        }),
      );
    }
    const init = initProcess(processes, id);
    if (c) {
      parts.push(
        part({
          id: `container:${id}`,
          role: 'container',
          name: c.name,
          status: containerStatus(c, init !== undefined),
          machine: 'container',
          machineState: c.state,
          pid: init?.pid ?? null,
          containerId: id,
          detail: {
            image: c.config.image,
            exitCode: c.exitCode,
            oci: task?.oci ?? '',
            program: init?.name ?? '',
          },
        }),
      );
    } else if (init) {
      // A container process whose record dockerd no longer has (or never had): still a process.
      parts.push(
        part({
          id: `container:${id}`,
          role: 'container',
          name: id.slice(0, 12),
          status: 'running',
          pid: init.pid,
          containerId: id,
          detail: { program: init.name },
        }),
      );
    }
  }
  const images = Object.values(world.images);
  const last = world.builds.at(-1);
  const building = last && last.finishedAt === null ? last : undefined;
  parts.push(
    part({ id: 'systemd', role: 'systemd', name: 'systemd', status: 'up', pid: 1 }),
    part({ id: 'user', role: 'user', name: 'root@host', status: 'present' }),
    part({ id: 'registry', role: 'registry', name: 'docker.io', status: 'present' }),
    part({
      id: 'images',
      role: 'images',
      name: '/var/lib/docker',
      status: 'present',
      detail: {
        images: images.length,
        layers: Object.keys(world.layers).length,
        // A build in progress: the step the builder is on (the image stack is growing).
        ...(building ? { buildStep: building.steps.length + 1, buildTotal: building.total } : {}),
      },
    }),
    part({
      id: 'networks',
      role: 'networks',
      name: 'docker0',
      status: 'present',
      detail: { networks: Object.keys(world.networks).length },
    }),
    part({
      id: 'volumes',
      role: 'volumes',
      name: '/var/lib/docker/volumes',
      status: 'present',
      detail: { volumes: Object.keys(world.volumes).length },
    }),
  );
  return parts;
}

/** The container's PID 1 (its init: runc init before start, the program after). */
export function initProcess(
  processes: readonly Process[],
  containerId: string,
): Process | undefined {
  return processes.find((p) => p.containerId === containerId && p.nsPid === 1);
}
