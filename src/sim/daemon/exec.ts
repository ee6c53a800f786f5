/**
 * `docker exec` inside dockerd, after moby daemon/exec.go: create registers an exec instance
 * (dockerd only, nothing runs); start (./execStart.ts) runs it through containerd, the shim
 * and `runc exec`; the exit comes back as a TaskExit with the exec ID. Errors use dockerd's
 * words:
 * - create: `No such container: X` (404), `container <id> is not running` (409),
 *   `Container X is paused, unpause the container before exec` (409, X as typed),
 *   `Container <id> is restarting, wait until the container is running` (409)
 *   (moby daemon/errors.go errNotRunning, errExecPaused, errContainerIsRestarting);
 * - start: `No such exec instance: <id>` (404), `exec command <id> has already run` or
 *   `... is already running` (409); a binary runc cannot find is a 400 with the OCI runtime's
 *   text and exit code 127 (moby setExitCodeFromError; older Engines, 23.0 still, always set
 *   126; 128 in 1.10).
 */
import { containerView } from '../containerFs';
import type { DockerHost } from '../host';
import { deleteExecProcess, reportExecExit, resizeExecPty } from '../runtime';
import type { Container, Exec, Process } from '../types';
import { detachKeyBytes, execEnv, resolveUser } from './execConfig';
import { collectExecs, execEvent, visibleExec } from './execStore';
import { findContainer } from './lookup';
import { fail, ok, ok0, type Result } from './result';

export interface ExecCreateSpec {
  readonly cmd: readonly string[];
  readonly env: readonly string[];
  readonly user: string;
  readonly workingDir: string;
  readonly tty: boolean;
  readonly privileged: boolean;
  readonly attachStdin: boolean;
  readonly attachStdout: boolean;
  readonly attachStderr: boolean;
  readonly detachKeys: string;
  readonly consoleSize: [number, number] | null;
}

function activeContainerError(h: DockerHost, c: Container, ref: string): Result<never> | null {
  if (c.state === 'paused')
    return fail(409, `Container ${ref} is paused, unpause the container before exec`);
  if (c.state === 'restarting')
    return fail(409, `Container ${c.id} is restarting, wait until the container is running`);
  if (c.state === 'running') return null;
  // Lower-cased in later Engines (moby daemon/errors.go); 1.10 named the container as typed.
  const era = h.world.settings.era;
  if (era === 'modern') return fail(409, `container ${c.id} is not running`);
  return fail(409, `Container ${era === 'monolith' ? ref : c.id} is not running`);
}

/** `POST /containers/{name}/exec`: registers the exec; nothing below dockerd is involved. */
export function createExec(h: DockerHost, ref: string, spec: ExecCreateSpec): Result<string> {
  const found = findContainer(h, ref);
  if (!found.ok) return found;
  const c = found.value;
  const inactive = activeContainerError(h, c, ref);
  if (inactive) return inactive;
  const view = containerView(h, c);
  if (spec.user !== '' && resolveUser(view, spec.user) === null)
    return fail(
      400,
      `unable to find user ${spec.user.split(':')[0] ?? ''}: no matching entries in passwd file`,
    );
  if (detachKeyBytes(spec.detachKeys) === null)
    return fail(500, `Invalid escape keys (${spec.detachKeys}) provided`);
  collectExecs(h);
  const [entrypoint = '', ...args] = spec.cmd;
  const exec: Exec = {
    id: h.newId(),
    containerId: c.id,
    entrypoint,
    args,
    tty: spec.tty,
    privileged: spec.privileged,
    user: spec.user,
    workingDir: spec.workingDir || c.config.workingDir,
    env: execEnv(view.hostname, spec.tty, c.config.env, spec.env),
    openStdin: spec.attachStdin,
    openStdout: spec.attachStdout,
    openStderr: spec.attachStderr,
    detachKeys: spec.detachKeys,
    created: h.now,
    consoleSize: spec.consoleSize,
    running: false,
    exitCode: null,
    pid: 0,
    nsPid: 0,
    startedAt: null,
    exitedAt: null,
  };
  h.change({ op: 'exec.add', exec }, 'dockerd', `exec ${exec.id.slice(0, 12)} created`);
  execEvent(h, c, `exec_create: ${entrypoint} ${args.join(' ')}`, { execID: exec.id });
  return ok(exec.id);
}

/** moby getExecConfig: the exec and its container, which must be running (not paused). */
export function activeExec(
  h: DockerHost,
  id: string,
): Result<{ exec: Exec; container: Container }> {
  const e = h.world.execs[id];
  if (!e || !visibleExec(h, id)) {
    // The container of a known exec is gone: moby answers containerNotFound with the exec ID.
    return e && !h.world.containers[e.containerId]
      ? fail(404, `No such container: ${id}`)
      : fail(404, `No such exec instance: ${id}`);
  }
  const c = h.world.containers[e.containerId];
  if (!c) return fail(404, `No such container: ${id}`);
  const inactive = activeContainerError(h, c, c.id);
  return inactive ?? ok({ exec: e, container: c });
}

/**
 * An exec'd process exited (by itself, by a signal, or killed with its PID namespace). Its
 * exit reaches dockerd through the shim and containerd (1.10: the daemon reaps its child);
 * dockerd records the code, deletes the process from containerd and logs `exec_die`.
 */
export function onExecProcessExit(h: DockerHost, p: Process, status: number): void {
  const execId = p.execId;
  const id = p.containerId;
  if (!execId || !id) return;
  let heard: boolean;
  if (h.world.settings.era === 'monolith') {
    const daemon = h.world.services.dockerd;
    heard =
      daemon.pid !== null &&
      h.world.processes[daemon.pid] !== undefined &&
      (daemon.state === 'up' || daemon.state === 'stopping');
  } else {
    heard = reportExecExit(h, id, execId, status);
  }
  const e = h.world.execs[execId];
  if (!heard || !e || e.exitCode !== null) return;
  h.change(
    { op: 'exec.update', id: execId, patch: { running: false, exitCode: status, exitedAt: h.now } },
    'dockerd',
    `exec ${execId.slice(0, 12)} exited (${status})`,
  );
  if (h.world.settings.era !== 'monolith') deleteExecProcess(h, id, execId);
  const c = h.world.containers[id];
  if (c) execEvent(h, c, 'exec_die', { execID: execId, exitCode: String(status) });
}

/**
 * `POST /exec/{id}/resize` (moby daemon/resize.go): the exec's terminal gets the new size
 * through containerd `Tasks.ResizePty`. An exec not started yet is waited for up to 10 s.
 */
export function resizeExec(h: DockerHost, id: string, height: number, width: number): Result {
  const active = activeExec(h, id);
  if (!active.ok) return active;
  const { exec: e, container: c } = active.value;
  if (e.pid === 0 && e.exitCode === null) {
    h.elapse(10_000);
    return fail(500, 'timeout waiting for exec session ready');
  }
  if (e.pid === 0) return fail(400, 'exec process is not started');
  if (h.world.settings.era !== 'monolith') resizeExecPty(h, c.id, id, height, width);
  // After the exit dockerd has deleted the process from containerd: the shim no longer has it.
  if (!e.running && h.world.settings.era !== 'monolith')
    return fail(404, `process does not exist ${id}: not found`);
  h.change(
    { op: 'exec.update', id, patch: { consoleSize: [height, width] } },
    'dockerd',
    `exec ${id.slice(0, 12)} resized ${width}x${height}`,
  );
  return ok0();
}
