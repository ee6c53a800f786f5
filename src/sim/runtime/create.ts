/**
 * containerd `Tasks.Create`: a shim is launched for the container and runs `runc create`,
 * which leaves `runc init` blocked on exec.fifo; when runc exits, the shim (subreaper)
 * inherits it. A failed create tears the shim down and reports the OCI error upward.
 */
import { runcArgs, shimArgs, shimName } from '../binaries';
import type { DockerHost } from '../host';
import { exitProcess, signalProcess, spawn } from '../kernel';
import { endpoint } from '../trace';
import type { Container, Task } from '../types';
import { runc, setOci, setShim, shimWire, type RuntimeResult } from './shared';
import { shutdownShim } from './control';

/**
 * containerd `Tasks.Create`: start a shim for the container and have it run `runc create`.
 * Leaves the container in OCI state `created`, its init blocked on exec.fifo.
 */
export function createTask(
  h: DockerHost,
  c: Container,
  program: { ok: true } | { ok: false; error: string; exitCode: number },
  killRunc: boolean,
): RuntimeResult {
  const id = c.id;
  const era = h.world.settings.era;
  const wire = shimWire(h);
  h.emit('grpc', 'dockerd', 'containerd', 'Containers.Create', { id, namespace: 'moby' });
  h.elapse(1);
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Create', { id, runtime: 'io.containerd.runc.v2' });
  h.elapse(1);
  const containerdPid = h.world.services.containerd.pid ?? 1;
  const name = shimName(era);
  let shimPid: number;
  if (era === 'modern') {
    // The launcher starts the long-lived shim and exits: the shim is re-parented to PID 1.
    h.emit('exec', 'containerd', endpoint.shim(id), `${name} start`, { id });
    const launcher = spawn(
      h,
      {
        ppid: containerdPid,
        name,
        args: [...shimArgs(era, id), 'start'],
        role: 'shim',
        containerId: id,
      },
      `${name} start`,
    );
    h.elapse(h.jitter(8, 14));
    const shim = spawn(
      h,
      {
        ppid: launcher.pid,
        name,
        args: shimArgs(era, id),
        role: 'shim',
        containerId: id,
        subreaper: true,
      },
      `${name} serving ttRPC`,
    );
    shimPid = shim.pid;
    h.change(
      { op: 'task.set', task: newTask(id, shimPid) },
      'containerd',
      `task ${id.slice(0, 12)} created`,
    );
    h.elapse(h.jitter(3, 6));
    exitProcess(h, launcher.pid, 0);
  } else {
    h.emit('exec', 'containerd', endpoint.shim(id), name, { id });
    const shim = spawn(
      h,
      {
        ppid: containerdPid,
        name,
        args: shimArgs(era, id),
        role: 'shim',
        containerId: id,
        subreaper: true,
      },
      name,
    );
    shimPid = shim.pid;
    h.change(
      { op: 'task.set', task: newTask(id, shimPid) },
      'containerd',
      `task ${id.slice(0, 12)} created`,
    );
    h.elapse(h.jitter(8, 14));
  }
  setShim(h, id, { type: 'SERVING' });
  h.emit(wire, 'containerd', endpoint.shim(id), 'Create', {
    id,
    bundle: runcArgs(era, 'create', id)[5],
  });
  h.elapse(1);

  const runcPid = runc(h, id, 'create');
  h.elapse(h.jitter(10, 20));
  const init = spawn(
    h,
    {
      ppid: runcPid,
      name: 'runc:[2:INIT]',
      args: ['runc', 'init'],
      role: 'runc-init',
      containerId: id,
      nsPid: 1,
    },
    'runc init: namespaces, cgroups, rootfs',
  );
  h.elapse(h.jitter(25, 45));

  if (killRunc) {
    signalProcess(h, runcPid, 'SIGKILL', 'user');
    if (h.world.processes[init.pid]) exitProcess(h, init.pid, 137);
    return failCreate(
      h,
      id,
      'OCI runtime create failed: runc create failed: signal: killed: unknown',
      128,
    );
  }
  if (!program.ok) {
    h.emit('note', endpoint.runc(id), endpoint.container(id), program.error);
    exitProcess(h, init.pid, 1);
    exitProcess(h, runcPid, 1);
    return failCreate(
      h,
      id,
      `OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${program.error}: unknown`,
      program.exitCode,
    );
  }
  h.emit('note', endpoint.container(id), endpoint.container(id), 'runc init waits on exec.fifo', {
    pid: init.pid,
  });
  if (era === 'split') {
    h.emit('exec', endpoint.runc(id), 'dockerd', 'prestart hook: libnetwork-setkey', {
      pid: init.pid,
    });
  }
  exitProcess(h, runcPid, 0);
  setOci(h, id, { type: 'CREATED' }, { initPid: init.pid });
  h.emit(wire, endpoint.shim(id), 'containerd', `Create: pid ${init.pid}`, { pid: init.pid });
  h.emit('grpc', 'containerd', 'dockerd', `Tasks.Create: pid ${init.pid}`, { pid: init.pid });
  h.elapse(1);
  return { ok: true };
}

function newTask(id: string, shimPid: number): Task {
  return {
    containerId: id,
    shimPid,
    shimState: 'launching',
    initPid: null,
    oci: 'creating',
    exitStatus: null,
    exitedAt: null,
  };
}

function failCreate(h: DockerHost, id: string, message: string, exitCode: number): RuntimeResult {
  const wire = shimWire(h);
  const error = `failed to create task for container: failed to create shim task: ${message}`;
  h.emit(wire, endpoint.shim(id), 'containerd', 'Create: error', { error: message });
  h.emit('grpc', 'containerd', 'dockerd', 'Tasks.Create: error', { error });
  shutdownShim(h, id);
  return { ok: false, error, exitCode };
}
