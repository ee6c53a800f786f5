/**
 * When things die: the container's init exits (the shim reaps it and publishes TaskExit up
 * as far as the daemons are alive to hear it), a shim is killed (containerd runs
 * `shim delete`: the container dies too, 137), containerd comes back (it reconnects to the
 * shims it finds, and cleans up the ones it cannot reach).
 */
import { runcArgs, shimArgs, shimName } from '../binaries';
import type { DockerHost } from '../host';
import { exitProcess, signalProcess, spawn } from '../kernel';
import { endpoint } from '../trace';
import { isContainerdUp, setOci, setShim, shimWire } from './shared';

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
