/**
 * containerd `Tasks.Start`: `runc start` opens exec.fifo and `runc init` execs the user
 * program in the same PID (behind docker-init with --init), then runc exits.
 */
import type { DockerHost } from '../host';
import { childrenOf, exec, exitProcess, spawn } from '../kernel';
import type { Program } from '../programs';
import { endpoint } from '../trace';
import type { Container } from '../types';
import { runc, setOci, shimWire, type RuntimeResult } from './shared';

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
