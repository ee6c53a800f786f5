/**
 * Below dockerd: containerd, one shim per container, and runc. dockerd calls these over
 * gRPC; containerd drives the shim over ttRPC; the shim execs runc for each operation.
 * runc never stays: `runc create` leaves `runc init` blocked on exec.fifo, which the shim
 * inherits as subreaper when runc exits; `runc start` opens the FIFO and init execs the
 * user program in the same PID.
 */
import { ociRuntimeMachine, shimMachine } from '../machines';
import { containerdSocket, runcArgs, shimArgs, shimName } from './binaries';
import type { DockerHost } from './host';
import { childrenOf, exec, exitProcess, freezeCgroup, signalProcess, spawn } from './kernel';
import { nextState } from './lifecycle';
import type { Program } from './programs';
import type { SignalName } from './signals';
import { endpoint } from './trace';
import type { Container, OciState, Task } from './types';

export type RuntimeResult = { ok: true } | { ok: false; error: string; exitCode?: number };

export function isContainerdUp(h: DockerHost): boolean {
  return h.world.services.containerd.state === 'up';
}

export function containerdUnavailable(h: DockerHost): string {
  const sock = containerdSocket(h.world.settings.era);
  return `connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: connection refused": unavailable`;
}

/** The wire between containerd and the shim: ttRPC since containerd 1.1; gRPC before. */
function shimWire(h: DockerHost): 'ttrpc' | 'grpc' {
  return h.world.settings.era === 'split' ? 'grpc' : 'ttrpc';
}

function setOci(
  h: DockerHost,
  id: string,
  event: Parameters<typeof nextState<typeof ociRuntimeMachine>>[2],
  patch: Partial<Task> = {},
): void {
  const task = h.world.tasks[id];
  if (!task) return;
  const oci = nextState(ociRuntimeMachine, task.oci, event) as OciState | null;
  if (oci === null && Object.keys(patch).length === 0) return;
  h.change(
    { op: 'task.update', id, patch: { ...patch, ...(oci ? { oci } : {}) } },
    endpoint.shim(id),
    `task ${oci ?? task.oci}`,
  );
}

function setShim(
  h: DockerHost,
  id: string,
  event: Parameters<typeof nextState<typeof shimMachine>>[2],
): void {
  const task = h.world.tasks[id];
  if (!task) return;
  const shimState = nextState(shimMachine, task.shimState, event) as Task['shimState'] | null;
  if (shimState)
    h.change(
      { op: 'task.update', id, patch: { shimState } },
      endpoint.shim(id),
      `shim ${shimState}`,
    );
}

/** Runs one runc operation as a short-lived child of the shim; returns its PID while it lives. */
function runc(h: DockerHost, id: string, op: string, extra: string[] = []): number {
  const task = h.world.tasks[id];
  const args = runcArgs(h.world.settings.era, op, id, extra);
  h.emit(
    'exec',
    endpoint.shim(id),
    endpoint.runc(id),
    `runc ${op}${extra.length ? ` ${extra.join(' ')}` : ''}`,
    { args },
  );
  const p = spawn(
    h,
    { ppid: task?.shimPid ?? 1, name: args[0] ?? 'runc', args, role: 'runc', containerId: id },
    `${args[0]} ${op}`,
  );
  return p.pid;
}

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

/** containerd `Tasks.Start`: `runc start` opens exec.fifo; runc init execs the user program. */
export function startTask(h: DockerHost, c: Container, program: Program): RuntimeResult {
  const id = c.id;
  const task = h.world.tasks[id];
  if (!task?.initPid) return { ok: false, error: `task ${id} not found: not found` };
  const wire = shimWire(h);
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Start', { id });
  h.emit(wire, 'containerd', endpoint.shim(id), 'Start', { id });
  h.elapse(1);
  const runcPid = runc(h, id, 'start');
  h.elapse(h.jitter(4, 8));
  h.emit('stdio', endpoint.runc(id), endpoint.container(id), 'open exec.fifo', {
    pid: task.initPid,
  });
  if (c.hostConfig.init) {
    exec(h, task.initPid, 'docker-init', ['/sbin/docker-init', '--', ...program.args], {
      role: 'docker-init',
    });
    spawn(
      h,
      {
        ppid: task.initPid,
        name: program.comm,
        args: [...program.args],
        role: 'container',
        containerId: id,
        nsPid: 2,
        handles: { ...program.handles },
      },
      `fork ${program.comm}`,
    );
  } else {
    exec(h, task.initPid, program.comm, [...program.args], {
      role: 'container',
      handles: { ...program.handles },
    });
  }
  setOci(h, id, { type: 'START' });
  exitProcess(h, runcPid, 0);
  const main = c.hostConfig.init ? childrenOf(h, task.initPid)[0] : h.world.processes[task.initPid];
  program.children.forEach((child, i) => {
    if (main)
      spawn(
        h,
        {
          ppid: main.pid,
          name: child.comm,
          args: [...child.args],
          role: 'container',
          containerId: id,
          nsPid: (main.nsPid ?? 1) + 1 + i,
        },
        `fork ${child.comm}`,
      );
  });
  h.emit('event', endpoint.shim(id), 'containerd', 'TaskStart', { id, pid: task.initPid });
  h.emit('event', 'containerd', 'dockerd', '/tasks/start', { id, pid: task.initPid });
  return { ok: true };
}

/** containerd `Tasks.Kill`: the shim runs `runc kill`, which signals the container's init. */
export function killTask(h: DockerHost, id: string, signal: SignalName): RuntimeResult {
  const task = h.world.tasks[id];
  if (!task?.initPid) return { ok: false, error: `task ${id} not found: not found` };
  h.emit('grpc', 'dockerd', 'containerd', `Tasks.Kill ${signal}`, { id, signal });
  h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Kill', { id, signal });
  h.elapse(1);
  const runcPid = runc(h, id, 'kill', [signal]);
  h.elapse(h.jitter(3, 6));
  const initPid = task.initPid;
  exitProcess(h, runcPid, 0);
  signalProcess(h, initPid, signal, endpoint.runc(id));
  return { ok: true };
}

/** containerd `Tasks.Pause`/`Resume`: runc freezes or thaws the container's cgroup. */
export function freezeTask(h: DockerHost, id: string, frozen: boolean): RuntimeResult {
  const task = h.world.tasks[id];
  if (!task) return { ok: false, error: `task ${id} not found: not found` };
  const op = frozen ? 'pause' : 'resume';
  h.emit('grpc', 'dockerd', 'containerd', frozen ? 'Tasks.Pause' : 'Tasks.Resume', { id });
  h.emit(shimWire(h), 'containerd', endpoint.shim(id), frozen ? 'Pause' : 'Resume', { id });
  const runcPid = runc(h, id, op);
  h.elapse(h.jitter(3, 6));
  freezeCgroup(h, id, frozen);
  setOci(h, id, { type: frozen ? 'PAUSE' : 'RESUME' });
  exitProcess(h, runcPid, 0);
  return { ok: true };
}

/** containerd `Tasks.Delete` after the exit: `runc delete`, then the shim shuts down. */
export function deleteTask(h: DockerHost, id: string): void {
  const task = h.world.tasks[id];
  if (!task) return;
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Delete', { id });
  if (task.shimPid && h.world.processes[task.shimPid]) {
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Delete', { id });
    const runcPid = runc(h, id, 'delete');
    h.elapse(h.jitter(3, 6));
    setOci(h, id, { type: 'DELETE' });
    exitProcess(h, runcPid, 0);
  }
  shutdownShim(h, id);
}

function shutdownShim(h: DockerHost, id: string): void {
  const task = h.world.tasks[id];
  if (!task) return;
  if (task.shimPid && h.world.processes[task.shimPid]) {
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Shutdown', { id });
    setShim(h, id, { type: 'SHUTDOWN' });
    exitProcess(h, task.shimPid, 0);
  }
  h.change({ op: 'task.remove', id }, 'containerd', `task ${id.slice(0, 12)} deleted`);
}

/**
 * A shim is gone (killed). containerd notices its ttRPC connection close and runs
 * `shim delete`, which runs `runc delete --force`: the container is killed and reported 137.
 * With containerd down, this waits until containerd starts and cannot reach the shim.
 */
export function cleanupDeadShim(h: DockerHost, id: string): void {
  const task = h.world.tasks[id];
  if (!task) return;
  const era = h.world.settings.era;
  const name = shimName(era);
  h.emit('note', 'containerd', endpoint.shim(id), 'shim connection lost', { id });
  h.emit('exec', 'containerd', endpoint.shim(id), `${name} delete`, { id });
  const cleaner = spawn(
    h,
    {
      ppid: h.world.services.containerd.pid ?? 1,
      name,
      args: [...shimArgs(era, id), 'delete'],
      role: 'shim',
      containerId: id,
    },
    `${name} delete`,
  );
  const runcPid = spawn(
    h,
    {
      ppid: cleaner.pid,
      name: runcArgs(era, 'delete', id)[0] ?? 'runc',
      args: runcArgs(era, 'delete', id, ['--force']),
      role: 'runc',
      containerId: id,
    },
    'runc delete --force',
  ).pid;
  h.emit('exec', endpoint.shim(id), endpoint.runc(id), 'runc delete --force', { id });
  h.elapse(h.jitter(3, 6));
  for (const p of Object.values(h.world.processes)) {
    if (p.containerId === id && p.nsPid === 1)
      signalProcess(h, p.pid, 'SIGKILL', endpoint.runc(id));
  }
  exitProcess(h, runcPid, 0);
  exitProcess(h, cleaner.pid, 0);
  if (h.world.tasks[id]) {
    if (h.world.tasks[id]?.exitStatus === null) {
      h.change(
        { op: 'task.update', id, patch: { oci: 'stopped', exitStatus: 137, exitedAt: h.now } },
        'containerd',
        'task stopped (137)',
      );
    }
    publishExit(h, id);
  }
}

/** The container's init exited: the shim (its subreaper) reaps it and publishes TaskExit. */
export function onInitExit(h: DockerHost, id: string, status: number): void {
  const task = h.world.tasks[id];
  // During `runc create` a failure is reported by the Create call itself, not as a TaskExit.
  if (!task || task.oci === 'creating') return;
  setOci(h, id, { type: 'PROCESS_EXITED' }, { exitStatus: status, exitedAt: h.now, initPid: null });
  if (task.shimState === 'serving') setShim(h, id, { type: 'TASK_EXITED' });
  if (task.shimState === 'killed') return; // containerd's `shim delete` reports it
  publishExit(h, id);
}

/** TaskExit travels shim -> containerd -> dockerd, as far as the daemons are up to hear it. */
export function publishExit(h: DockerHost, id: string): void {
  const task = h.world.tasks[id];
  if (!task || task.exitStatus === null) return;
  if (!isContainerdUp(h)) {
    h.emit('note', endpoint.shim(id), endpoint.shim(id), 'TaskExit kept: containerd is down', {
      status: task.exitStatus,
    });
    return;
  }
  h.emit('event', endpoint.shim(id), 'containerd', 'TaskExit', { id, status: task.exitStatus });
  h.elapse(1);
  const dockerd = h.world.services.dockerd.state;
  if (dockerd !== 'up' && dockerd !== 'stopping' && dockerd !== 'restoring') {
    h.emit(
      'note',
      'containerd',
      'containerd',
      'no dockerd to tell: /tasks/exit waits for its restore',
      { id },
    );
    return;
  }
  h.emit('event', 'containerd', 'dockerd', '/tasks/exit', { id, status: task.exitStatus });
  h.hooks.onTaskExit(h, id, task.exitStatus);
}

/** containerd started: reconnect to every shim recorded in its state directory. */
export function reconnectShims(h: DockerHost): void {
  for (const task of Object.values(h.world.tasks)) {
    const id = task.containerId;
    const alive = task.shimPid !== null && h.world.processes[task.shimPid]?.role === 'shim';
    if (!alive || task.shimState === 'killed') {
      cleanupDeadShim(h, id);
      continue;
    }
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Connect (bootstrap.json)', {
      id,
      pid: task.shimPid,
    });
    h.elapse(1);
    if (task.oci === 'stopped') publishExit(h, id);
  }
}

/** A shim process died: if it was the live shim of a task, its container goes with it. */
export function onShimExit(h: DockerHost, id: string, pid: number): void {
  const task = h.world.tasks[id];
  if (!task || task.shimPid !== pid || task.shimState === 'exited') return;
  setShim(h, id, { type: 'KILLED' });
  if (isContainerdUp(h)) cleanupDeadShim(h, id);
}
