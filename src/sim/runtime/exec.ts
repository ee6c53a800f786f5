/**
 * `docker exec` below dockerd. containerd `Tasks.Exec` registers the process with the shim
 * (nothing runs yet); `Tasks.Start` with the exec ID makes the shim run `runc exec --detach`,
 * a short-lived runc whose child (`runc init`) joins the namespaces of the container's init,
 * takes the next PID of its PID namespace and execve()s the program. runc exits and the shim,
 * as subreaper, inherits the process. Its exit travels up as a TaskExit carrying the exec ID;
 * dockerd then deletes the process from containerd (moby daemon/monitor.go, ProcessEvent).
 *
 * Sources: containerd cmd/containerd-shim-runc-v2 (Exec, Start with ExecID, TaskExecStarted,
 * TaskExit), go-runc Exec (`exec --process <spec> --detach --pid-file <file>`).
 */
import { bundlePath, runcArgs } from '../binaries';
import type { DockerHost } from '../host';
import { exec, exitProcess, spawn } from '../kernel';
import { endpoint } from '../trace';
import type { Container } from '../types';
import { containerdUnavailable, isContainerdUp, shimWire } from './shared';

export interface ExecLaunch {
  readonly execId: string;
  readonly tty: boolean;
  readonly nsPid: number;
  /** What runc finds to execve(), or runc's error when the binary is not there. */
  readonly program:
    | {
        readonly ok: true;
        readonly comm: string;
        readonly args: readonly string[];
        readonly handles: Record<string, number | null>;
      }
    | { readonly ok: false; readonly error: string };
}

export type ExecStarted =
  | { ok: true; pid: number }
  /**
   * `unavailable`: containerd did not answer; `not-found`: runc found no such program or
   * working directory (dockerd makes that exit code 127); `runtime`: any other failure.
   */
  | { ok: false; kind: 'unavailable' | 'not-found' | 'runtime'; error: string };

function isShimServing(h: DockerHost, id: string): boolean {
  const task = h.world.tasks[id];
  return (
    task?.shimState === 'serving' &&
    task.shimPid !== null &&
    h.world.processes[task.shimPid]?.role === 'shim'
  );
}

/** containerd `Tasks.Exec` then `Tasks.Start` for the exec ID: the shim runs `runc exec`. */
export function execInTask(h: DockerHost, c: Container, launch: ExecLaunch): ExecStarted {
  const id = c.id;
  const { execId } = launch;
  const era = h.world.settings.era;
  if (!isContainerdUp(h))
    return { ok: false, kind: 'unavailable', error: containerdUnavailable(h) };
  const task = h.world.tasks[id];
  if (!task?.initPid || !isShimServing(h, id))
    return { ok: false, kind: 'runtime', error: `task ${id} not found: not found` };
  const wire = shimWire(h);
  // Recent dockerd (23.0 already) loads the container's OCI spec first (moby daemon/exec.go,
  // LoadContainer): the exec process starts from the container's Process.
  if (era === 'modern') h.emit('grpc', 'dockerd', 'containerd', 'Containers.Get', { id });
  const fifo = `/var/run/docker/containerd/${id}/${execId}-stdout`;
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Exec', {
    id,
    execId,
    terminal: launch.tty,
    stdout: fifo,
  });
  h.emit(wire, 'containerd', endpoint.shim(id), 'Exec', { id, execId });
  h.elapse(1);
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.Start', { id, execId });
  h.emit(wire, 'containerd', endpoint.shim(id), 'Start', { id, execId });
  h.elapse(1);

  // The container may have stopped while the calls travelled.
  const shimPid = h.world.tasks[id]?.shimPid;
  if (!isShimServing(h, id) || !shimPid)
    return { ok: false, kind: 'runtime', error: `task ${id} not found: not found` };
  const bundle = bundlePath(era, id);
  const extra = [
    '--process',
    `/tmp/runc-process${execId.slice(0, 9)}`,
    '--detach',
    ...(launch.tty ? ['--console-socket', `/tmp/pty${execId.slice(0, 9)}/pty.sock`] : []),
    '--pid-file',
    `${bundle}/${execId}.pid`,
  ];
  const args = runcArgs(era, 'exec', id, extra);
  h.emit('exec', endpoint.shim(id), endpoint.runc(id), 'runc exec', { args, execId });
  const runcPid = spawn(
    h,
    { ppid: shimPid, name: args[0] ?? 'runc', args, role: 'runc', containerId: id },
    `${args[0] ?? 'runc'} exec`,
  ).pid;
  h.elapse(h.jitter(7, 14));
  const fail = (error: string, kind: 'not-found' | 'runtime'): ExecStarted => {
    if (h.world.processes[runcPid]) exitProcess(h, runcPid, 1);
    // The shim wraps runc's last log line (containerd process.runtimeError).
    const message = `OCI runtime exec failed: exec failed: ${error}: unknown`;
    if (isShimServing(h, id))
      h.emit(wire, endpoint.shim(id), 'containerd', 'Start: error', { execId, error: message });
    h.emit('grpc', 'containerd', 'dockerd', 'Tasks.Start: error', { execId, error: message });
    return { ok: false, kind, error: message };
  };
  const initPid = h.world.tasks[id]?.initPid;
  if (!initPid || !h.world.processes[initPid] || !h.world.processes[runcPid])
    return fail('cannot exec in a stopped container', 'runtime');
  // runc init (nsexec) joins the namespaces of the container's init with setns(); it is the
  // first process of the exec inside the container's PID namespace. No time passes from here
  // until runc exits, so the namespace cannot die under a half-started exec.
  const init = spawn(
    h,
    {
      ppid: runcPid,
      name: 'runc:[2:INIT]',
      args: ['runc', 'init'],
      role: 'runc-init',
      containerId: id,
      nsPid: launch.nsPid,
      execId,
    },
    `runc init: setns into the namespaces of PID ${initPid}`,
  );
  h.emit(
    'note',
    endpoint.runc(id),
    endpoint.container(id),
    `setns: join PID ${initPid}'s namespaces`,
    {
      pid: init.pid,
      nsPid: launch.nsPid,
    },
  );
  const program = launch.program;
  if (!program.ok) {
    h.emit('note', endpoint.container(id), endpoint.runc(id), program.error, { pid: init.pid });
    exitProcess(h, init.pid, 1);
    return fail(
      era === 'split'
        ? `container_linux.go:348: starting container process caused "${program.error.replaceAll('"', '\\"')}"`
        : `unable to start container process: ${program.error}`,
      'not-found',
    );
  }
  exec(h, init.pid, program.comm, [...program.args], {
    role: 'container',
    handles: { ...program.handles },
  });
  exitProcess(h, runcPid, 0);
  h.emit('event', endpoint.shim(id), 'containerd', 'TaskExecStarted', {
    id,
    execId,
    pid: init.pid,
  });
  h.emit('event', 'containerd', 'dockerd', '/tasks/exec-started', { id, execId, pid: init.pid });
  h.emit(wire, endpoint.shim(id), 'containerd', `Start: pid ${init.pid}`, {
    execId,
    pid: init.pid,
  });
  h.emit('grpc', 'containerd', 'dockerd', `Tasks.Start: pid ${init.pid}`, {
    execId,
    pid: init.pid,
  });
  return { ok: true, pid: init.pid };
}

/**
 * An exec'd process exited: the shim reaps it and publishes a TaskExit with the exec ID, as
 * far as containerd is up to hear it. Returns whether the exit reached dockerd's side.
 * No time passes here: this can run inside the kernel's kill of a whole PID namespace.
 */
export function reportExecExit(h: DockerHost, id: string, execId: string, status: number): boolean {
  if (!isShimServing(h, id)) {
    // A dead shim reaps nothing; containerd's `shim delete` reports only the container's init.
    h.emit(
      'note',
      endpoint.container(id),
      'kernel',
      `exec ${execId.slice(0, 12)}: no shim to reap it`,
      {
        execId,
        status,
      },
    );
    return false;
  }
  if (!isContainerdUp(h)) {
    h.emit(
      'note',
      endpoint.shim(id),
      endpoint.shim(id),
      'TaskExit (exec) not delivered: containerd is down',
      {
        execId,
        status,
      },
    );
    return false;
  }
  h.emit('event', endpoint.shim(id), 'containerd', 'TaskExit', { id, execId, status });
  const dockerd = h.world.services.dockerd.state;
  if (dockerd !== 'up' && dockerd !== 'stopping') {
    h.emit('note', 'containerd', 'containerd', 'no dockerd to tell about the exec exit', {
      execId,
    });
    return false;
  }
  h.emit('event', 'containerd', 'dockerd', '/tasks/exit', { id, execId, status });
  return true;
}

/** dockerd deletes the exited process from containerd (`Tasks.DeleteProcess`, shim `Delete`). */
export function deleteExecProcess(h: DockerHost, id: string, execId: string): void {
  if (!isContainerdUp(h)) return;
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.DeleteProcess', { id, execId });
  if (isShimServing(h, id))
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'Delete', { id, execId });
}

/** containerd `Tasks.ResizePty` for an exec's terminal (`POST /exec/{id}/resize`). */
export function resizeExecPty(
  h: DockerHost,
  id: string,
  execId: string,
  height: number,
  width: number,
): void {
  if (!isContainerdUp(h)) return;
  h.emit('grpc', 'dockerd', 'containerd', 'Tasks.ResizePty', { id, execId, height, width });
  if (isShimServing(h, id))
    h.emit(shimWire(h), 'containerd', endpoint.shim(id), 'ResizePty', {
      id,
      execId,
      height,
      width,
    });
}
