/**
 * dockerd hears a TaskExit: the container is `exited`, or `restarting` when its restart
 * policy says so, with moby's back-off (100 ms, doubling up to 1 minute, reset once the
 * container has run 10 s). `--rm` containers are removed with their anonymous volumes.
 */
import { containerEvent } from './events';
import { containerMachine } from '../../machines';
import type { DockerHost } from '../host';
import { nextState } from '../lifecycle';
import { deleteTask } from '../runtime';
import type { Container, ContainerState } from '../types';
import { removeContainer } from './control';
import { unregisterContainerExecs } from './execStore';
import { startContainer } from './start';

export const BACKOFF_START_MS = 100;
export const BACKOFF_MAX_MS = 60_000;
export const BACKOFF_RESET_AFTER_MS = 10_000;

/** Whether the restart policy restarts a container that just exited (not on daemon start). */
export function shouldRestart(c: Container, status: number, daemonStopping: boolean): boolean {
  if (daemonStopping || c.hasBeenManuallyStopped) return false;
  const policy = c.hostConfig.restartPolicy;
  switch (policy.name) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return (
        status !== 0 &&
        (policy.maximumRetryCount === 0 || c.restartCount < policy.maximumRetryCount)
      );
    case 'no':
      return false;
  }
}

/**
 * Whether a stopped container is started when dockerd starts: `always` (even after a manual
 * stop) and `unless-stopped` (unless stopped by hand); `on-failure` does not apply to a
 * daemon restart (FACTS.md §3).
 */
export function restartsOnDaemonStart(c: Container): boolean {
  const policy = c.hostConfig.restartPolicy.name;
  return policy === 'always' || (policy === 'unless-stopped' && !c.hasBeenManuallyStopped);
}

export function onTaskExit(h: DockerHost, id: string, status: number): void {
  const c = h.world.containers[id];
  if (!c) return;
  if (c.state !== 'running' && c.state !== 'paused') {
    deleteTask(h, id);
    return;
  }
  const stopping = h.world.services.dockerd.state === 'stopping';
  const willRestart = shouldRestart(c, status, stopping);
  const next = (nextState(containerMachine, c.state, { type: 'EXITED', willRestart }) ??
    'exited') as ContainerState;
  const ranFor = h.now - (c.startedAt ?? h.now);
  const delay =
    ranFor >= BACKOFF_RESET_AFTER_MS || c.restartDelayMs === 0
      ? BACKOFF_START_MS
      : Math.min(c.restartDelayMs * 2, BACKOFF_MAX_MS);
  h.change(
    {
      op: 'container.update',
      id,
      patch: {
        state: next,
        exitCode: status,
        finishedAt: h.now,
        pid: 0,
        networks: {},
        ...(willRestart ? { restartDelayMs: delay } : {}),
      },
    },
    'dockerd',
    `container ${c.name} ${next} (${status})`,
  );
  containerEvent(h, c, 'die', { exitCode: String(status) });
  unregisterContainerExecs(h, id);
  if (h.world.settings.era !== 'monolith') deleteTask(h, id);
  if (next === 'restarting') {
    h.schedule(delay, { kind: 'restartContainer', containerId: id });
  } else if (c.hostConfig.autoRemove && !stopping) {
    const current = h.world.containers[id];
    if (current) removeContainer(h, current, { force: false, volumes: true });
  }
}

/** The restart manager's timer fired. */
export function onRestartDue(h: DockerHost, id: string): void {
  const c = h.world.containers[id];
  if (!c || c.state !== 'restarting') return;
  // dockerd is restoring or down: its restore applies the policy once it is up.
  if (h.world.services.dockerd.state !== 'up') return;
  startContainer(h, c, 'restart-policy');
}
