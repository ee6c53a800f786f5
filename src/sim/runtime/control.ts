/**
 * containerd `Tasks.Kill`, `Pause`/`Resume` and `Delete`, each carried to the shim, which
 * runs one short-lived runc for it.
 */
import type { DockerHost } from '../host';
import { exitProcess, freezeCgroup, signalProcess } from '../kernel';
import type { SignalName } from '../signals';
import { endpoint } from '../trace';
import { runc, setOci, setShim, shimWire, type RuntimeResult } from './shared';

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

export function shutdownShim(h: DockerHost, id: string): void {
  const task = h.world.tasks[id];
  if (!task) return;
  if (task.shimPid && h.world.processes[task.shimPid]) {
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Shutdown', { id });
    setShim(h, id, { type: 'SHUTDOWN' });
    exitProcess(h, task.shimPid, 0);
  }
  h.change({ op: 'task.remove', id }, 'containerd', `task ${id.slice(0, 12)} deleted`);
}
