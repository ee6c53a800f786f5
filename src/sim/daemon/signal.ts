/**
 * How dockerd signals a container: through containerd (Tasks.Kill -> shim -> `runc kill`),
 * or, in the 1.10 era, directly, as the container is its own child.
 */
import type { DockerHost } from '../host';
import { signalProcess } from '../kernel';
import { containerdUnavailable, isContainerdUp, killTask } from '../runtime';
import type { SignalName } from '../signals';
import type { Container } from '../types';
import { fail, ok0, type Result } from './result';

export function signalContainer(h: DockerHost, c: Container, signal: SignalName): Result {
  if (h.world.settings.era === 'monolith') {
    if (c.pid) signalProcess(h, c.pid, signal, 'dockerd');
    return ok0();
  }
  if (!isContainerdUp(h))
    return fail(500, `Cannot kill container: ${c.name}: ${containerdUnavailable(h)}`);
  const result = killTask(h, c.id, signal);
  return result.ok ? ok0() : fail(500, result.error);
}

export function isActive(h: DockerHost, id: string): boolean {
  const state = h.world.containers[id]?.state;
  return state === 'running' || state === 'paused';
}
