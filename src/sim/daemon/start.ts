/**
 * `docker start` inside dockerd (moby daemon/start.go): create the containerd container and
 * task (the shim runs `runc create`), set up networking while the task is `created`, then
 * start the task (`runc start`). In the 1.10 era the daemon starts the process itself.
 */
import { containerEvent } from './events';
import { containerMachine } from '../../machines';
import type { DockerHost } from '../host';
import { spawn } from '../kernel';
import { nextState } from '../lifecycle';
import { connectContainer, portInUse } from '../network';
import { resolveProgram, type Program } from '../programs';
import { containerdUnavailable, createTask, isContainerdUp, startTask } from '../runtime';
import { endpoint } from '../trace';
import type { Container, ContainerState } from '../types';
import { saveFs } from '../writableLayer';
import { removeContainer } from './control';
import { scriptedInit, startupWrites } from './initScript';
import { writeOutput } from './output';
import { fail, ok, type Result } from './result';

export type StartOutcome = 'started' | 'already-running';

/**
 * Starts a container. `by` tells a user's `docker start` from the restart manager: for a user,
 * a `restarting` container counts as running (moby keeps Running=true while it waits), 304.
 */
export function startContainer(
  h: DockerHost,
  c: Container,
  by: 'user' | 'restart-policy' = 'user',
): Result<StartOutcome> {
  if (c.state === 'running') return ok('already-running');
  if (c.state === 'restarting' && by === 'user') return ok('already-running');
  if (c.state === 'paused')
    return fail(409, 'cannot start a paused container, try unpause instead');
  const event =
    c.state === 'restarting' ? ({ type: 'RESTART_DUE' } as const) : ({ type: 'START' } as const);
  const next = nextState(containerMachine, c.state, event) as ContainerState | null;
  if (!next) return fail(409, `cannot start container ${c.name}: container is ${c.state}`);
  const image = h.world.images[c.imageId];
  if (!image) return fail(404, `No such image: ${c.imageId}`);

  for (const bindings of Object.values(c.hostConfig.portBindings)) {
    for (const b of bindings) {
      if (portInUse(h, b.hostPort, c.id)) {
        return startFailed(
          h,
          c,
          `driver failed programming external connectivity on endpoint ${c.name} (${c.id.slice(0, 64)}): Bind for ${b.hostIp || '0.0.0.0'}:${b.hostPort} failed: port is already allocated`,
          128,
        );
      }
    }
  }

  // libnetwork allocates the endpoint (address, published ports) before the task exists, so
  // a second start cannot take the same port while this one is under way.
  const networks = connectContainer(h, c, c.hostConfig.networkMode);
  h.change(
    { op: 'container.update', id: c.id, patch: { networks } },
    'dockerd',
    'endpoint allocated',
  );

  // A command that works on files (a shell script, cat, ls, rm...) runs as `docker exec` runs it.
  const scripted = scriptedInit(h, c);
  const resolved = scripted
    ? { ok: true as const, program: scripted.program }
    : resolveProgram([c.path, ...c.args], {
        tty: c.config.tty,
        openStdin: c.config.openStdin,
        env: c.config.env,
        hostname: c.id.slice(0, 12),
        binaries: image.binaries,
      });

  let initPid: number;
  let program: Program;
  if (h.world.settings.era === 'monolith') {
    if (!resolved.ok)
      return startFailed(
        h,
        c,
        `Cannot start container ${c.id}: [8] System error: ${resolved.error}`,
        resolved.exitCode,
      );
    program = resolved.program;
    h.emit('exec', 'dockerd', endpoint.container(c.id), 'execdriver native: start', { id: c.id });
    const p = spawn(h, {
      ppid: h.world.services.dockerd.pid ?? 1,
      name: program.comm,
      args: [...program.args],
      role: 'container',
      containerId: c.id,
      nsPid: 1,
      handles: { ...program.handles },
      diesWithParent: true,
    });
    initPid = p.pid;
  } else {
    if (!isContainerdUp(h))
      return startFailed(
        h,
        c,
        `failed to create task for container: ${containerdUnavailable(h)}`,
        125,
      );
    const killRunc = h.armedFaults.delete('killRuncOnNextStart');
    const created = createTask(h, c, resolved.ok ? { ok: true } : resolved, killRunc);
    if (!created.ok) return startFailed(h, c, created.error, created.exitCode ?? 128);
    if (!resolved.ok) return startFailed(h, c, resolved.error, resolved.exitCode);
    program = resolved.program;
    const task = h.world.tasks[c.id];
    initPid = task?.initPid ?? 0;
    if (h.world.settings.era === 'modern') {
      h.emit(
        'note',
        'dockerd',
        endpoint.container(c.id),
        `configure network namespace /proc/${initPid}/ns/net`,
        { networks: Object.keys(networks) },
      );
    }
    const started = startTask(h, c, program);
    if (!started.ok) return startFailed(h, c, started.error, 128);
  }

  h.change(
    {
      op: 'container.update',
      id: c.id,
      patch: {
        state: next,
        pid: initPid,
        startedAt: h.now,
        hasBeenStartedBefore: true,
        hasBeenManuallyStopped: false,
        exitCode: 0,
        error: '',
        ...(next === 'running' && c.state === 'restarting'
          ? { restartCount: c.restartCount + 1 }
          : {}),
      },
    },
    'dockerd',
    `container ${c.name} running`,
  );
  containerEvent(h, c, 'start');
  if (scripted?.after) saveFs(h, c, scripted.before, scripted.after);
  const wrote = startupWrites(h, c, program.comm);
  if (wrote) saveFs(h, c, wrote.before, wrote.after);
  writeOutput(h, c, program.output);
  if (program.runsForMs !== null) {
    const main = Object.values(h.world.processes).find(
      (p) => p.containerId === c.id && p.role === 'container' && (p.nsPid === 1 || p.nsPid === 2),
    );
    if (main)
      h.schedule(Math.max(1, program.runsForMs), {
        kind: 'programExit',
        pid: main.pid,
        status: program.exitCode,
      });
  }
  return ok('started');
}

function startFailed(
  h: DockerHost,
  c: Container,
  message: string,
  exitCode: number,
): Result<StartOutcome> {
  const patch: Partial<Container> = { exitCode, error: message, networks: {} };
  if (c.state === 'restarting') patch.state = 'exited';
  h.change(
    { op: 'container.update', id: c.id, patch },
    'dockerd',
    `start failed: exit ${exitCode}`,
  );
  // moby removes an --rm container whose start failed.
  const current = h.world.containers[c.id];
  if (current?.hostConfig.autoRemove) removeContainer(h, current, { force: true, volumes: true });
  const status = exitCode === 127 || exitCode === 126 ? 400 : 500;
  return fail(status, message, exitCode);
}
