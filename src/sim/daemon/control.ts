/**
 * `docker stop|kill|restart|pause|unpause|rm` inside dockerd. Stop sends the stop signal
 * (STOPSIGNAL, default SIGTERM), waits the stop timeout (10 s by default), then SIGKILLs.
 * Kill sends one signal (SIGKILL by default). Pause freezes the cgroup.
 */
import { containerEvent } from './events';
import { containerMachine } from '../../machines';
import { MAX_WAIT_MS, type DockerHost } from '../host';
import { freezeCgroup } from '../kernel';
import { nextState } from '../lifecycle';
import { freezeTask, isContainerdUp, containerdUnavailable } from '../runtime';
import { parseSignal, signalNumber, type SignalName } from '../signals';
import type { Container, ContainerState } from '../types';
import { removeVolume, volumeUsers } from '../volumes';
import { fail, ok, ok0, type Result } from './result';
import { isActive, signalContainer } from './signal';
import { startContainer } from './start';

export const DEFAULT_STOP_TIMEOUT_S = 10;

/** Stops a container; `noop` when it was not running (the API answers 304). */
export function stopContainer(
  h: DockerHost,
  c: Container,
  timeoutS?: number | null,
  manual = true,
): Result<'stopped' | 'noop'> {
  if (c.state === 'restarting') {
    h.cancelTimers((a) => a.kind === 'restartContainer' && a.containerId === c.id);
    h.change(
      {
        op: 'container.update',
        id: c.id,
        patch: { state: 'exited', hasBeenManuallyStopped: manual },
      },
      'dockerd',
      'restart cancelled',
    );
    containerEvent(h, c, 'stop');
    return ok('stopped');
  }
  if (!isActive(h, c.id)) return ok('noop');
  if (manual)
    h.change(
      { op: 'container.update', id: c.id, patch: { hasBeenManuallyStopped: true } },
      'dockerd',
      'manually stopped',
    );
  const signal = (parseSignal(c.config.stopSignal) ?? 'SIGTERM') as SignalName;
  const timeout = timeoutS ?? c.config.stopTimeout ?? DEFAULT_STOP_TIMEOUT_S;
  const wasPaused = c.state === 'paused';
  containerEvent(h, c, 'kill', { signal: String(signalNumber(signal)) });
  const sent = signalContainer(h, c, signal);
  if (!sent.ok) return sent;
  if (wasPaused) resumeAfterSignal(h, c.id);
  // A negative timeout waits for the exit however long it takes (capped at MAX_WAIT_MS).
  const waitMs = timeout < 0 ? MAX_WAIT_MS : timeout * 1000;
  const exited = h.elapseUntil(() => !isActive(h, c.id), waitMs);
  if (!exited && isActive(h, c.id)) {
    h.emit('note', 'dockerd', 'dockerd', `container did not exit within ${timeout}s: SIGKILL`, {
      id: c.id,
    });
    containerEvent(h, c, 'kill', { signal: '9' });
    const killed = signalContainer(h, c, 'SIGKILL');
    if (!killed.ok) return killed;
    h.elapseUntil(() => !isActive(h, c.id), 2000);
  }
  const after = h.world.containers[c.id];
  if (after) containerEvent(h, after, 'stop');
  return ok('stopped');
}

/**
 * moby unpauses a paused container after sending it its stop signal (or SIGKILL), so that the
 * signal can be handled: the container is `running` again until it exits.
 */
function resumeAfterSignal(h: DockerHost, id: string): void {
  const c = h.world.containers[id];
  if (!c || c.state !== 'paused') return;
  if (h.world.settings.era === 'monolith') freezeCgroup(h, id, false);
  else if (isContainerdUp(h)) freezeTask(h, id, false);
  else return;
  const after = h.world.containers[id];
  if (after?.state === 'paused') {
    h.change(
      { op: 'container.update', id, patch: { state: 'running' } },
      'dockerd',
      `container ${after.name} running`,
    );
    containerEvent(h, after, 'unpause');
  }
}

export function killContainer(
  h: DockerHost,
  c: Container,
  signalText = 'SIGKILL',
  ref = c.name,
): Result {
  const signal = parseSignal(signalText);
  if (!signal) return fail(400, `Invalid signal: ${signalText}`);
  if (!isActive(h, c.id))
    return fail(409, `Cannot kill container: ${ref}: container ${c.id} is not running`);
  const stopSignal = parseSignal(c.config.stopSignal) ?? 'SIGTERM';
  const exitOnNext = signal === 'SIGKILL' || signal === stopSignal;
  if (exitOnNext)
    h.change(
      { op: 'container.update', id: c.id, patch: { hasBeenManuallyStopped: true } },
      'dockerd',
      'exit on next',
    );
  containerEvent(h, c, 'kill', { signal: String(signalNumber(signal)) });
  const wasPaused = c.state === 'paused';
  const sent = signalContainer(h, c, signal);
  if (!sent.ok) return sent;
  if (wasPaused && exitOnNext) resumeAfterSignal(h, c.id);
  return ok0();
}

export function restartContainer(h: DockerHost, c: Container, timeoutS?: number | null): Result {
  const stopped = stopContainer(h, c, timeoutS);
  if (!stopped.ok) return stopped;
  const current = h.world.containers[c.id];
  if (!current) return fail(404, `No such container: ${c.name}`);
  const started = startContainer(h, current);
  if (!started.ok) return started;
  containerEvent(h, current, 'restart');
  return ok0();
}

export function pauseContainer(h: DockerHost, c: Container, pause: boolean): Result {
  if (pause && c.state === 'paused') return fail(409, `Container ${c.id} is already paused`);
  if (!pause && c.state !== 'paused') return fail(409, `Container ${c.id} is not paused`);
  const next = nextState(containerMachine, c.state, {
    type: pause ? 'PAUSE' : 'UNPAUSE',
  }) as ContainerState | null;
  if (!next) return fail(409, `Container ${c.id} is not running`);
  if (h.world.settings.era === 'monolith') {
    // The 1.10 daemon used the cgroup freezer itself.
    freezeCgroup(h, c.id, pause);
  } else {
    if (!isContainerdUp(h)) return fail(500, containerdUnavailable(h));
    const frozen = freezeTask(h, c.id, pause);
    if (!frozen.ok) return fail(500, frozen.error);
  }
  // The container may have exited while the freezer was being set: then it is not paused.
  if (pause && !isActive(h, c.id)) return fail(409, `Container ${c.id} is not running`);
  // A thaw can let a program finish at once (its exit fell due while frozen): it is exited now.
  if (!isActive(h, c.id)) {
    containerEvent(h, c, 'unpause');
    return ok0();
  }
  h.change(
    { op: 'container.update', id: c.id, patch: { state: next } },
    'dockerd',
    `container ${c.name} ${next}`,
  );
  containerEvent(h, c, pause ? 'pause' : 'unpause');
  return ok0();
}

export function removeContainer(
  h: DockerHost,
  c: Container,
  options: { force: boolean; volumes: boolean },
): Result {
  if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting') {
    if (!options.force) {
      return fail(
        409,
        `cannot remove container "/${c.name}": container is ${c.state}: stop the container before removing or force remove`,
      );
    }
    if (c.state === 'restarting') {
      h.cancelTimers((a) => a.kind === 'restartContainer' && a.containerId === c.id);
      h.change(
        { op: 'container.update', id: c.id, patch: { state: 'exited' } },
        'dockerd',
        'restart cancelled',
      );
    } else {
      const killed = killContainer(h, c, 'SIGKILL');
      if (!killed.ok) return killed;
      h.elapseUntil(() => !isActive(h, c.id), 2000);
    }
  }
  const current = h.world.containers[c.id];
  if (!current) return ok0(); // --rm already removed it when it exited
  const next = nextState(containerMachine, current.state, { type: 'REMOVE' });
  if (next !== 'removing')
    return fail(409, `cannot remove container "/${c.name}": container is ${current.state}`);
  h.change(
    { op: 'container.update', id: c.id, patch: { state: 'removing' } },
    'dockerd',
    `removing ${c.name}`,
  );
  h.emit('note', 'dockerd', 'dockerd', 'remove writable layer', { id: c.id });
  h.change({ op: 'container.remove', id: c.id }, 'dockerd', `container ${c.name} removed`);
  if (options.volumes) {
    for (const m of current.mounts) {
      if (m.type === 'volume' && m.anonymous && volumeUsers(h, m.source).length === 0)
        removeVolume(h, m.source);
    }
  }
  containerEvent(h, current, 'destroy');
  return ok0();
}
