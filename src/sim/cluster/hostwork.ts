/**
 * What a swarm agent asks of its own machine's dockerd: the executor (moby
 * daemon/cluster/executor/container) calls the daemon's code directly, not the Engine API,
 * so each step is written into the machine's trace as a note from the agent, followed by what
 * dockerd really does (pull, create, start, stop, remove).
 *
 * A task's container is named `<service>.<slot>.<task id>` (global services: the node's ID in
 * place of the slot) and carries the swarm labels dockerd uses to find its tasks again.
 */
import { createContainer } from '../daemon/create';
import { removeContainer, stopContainer } from '../daemon/control';
import { displayReference, findImage } from '../daemon/lookup';
import { startContainer } from '../daemon/start';
import type { DockerHost } from '../host';
import { pullImage } from '../images/pull';
import type { Container } from '../types';
import type { SwarmTask } from './types';

export const TASK_ID_LABEL = 'com.docker.swarm.task.id';

export interface TaskContainerInfo {
  /** `web.2` or `web.<node id>`. */
  readonly taskName: string;
  readonly serviceName: string;
  /** The node's SwarmKit ID. */
  readonly nodeSwarmId: string;
}

function agentNote(h: DockerHost, text: string, detail: Record<string, unknown> = {}): void {
  h.emit('note', 'dockerd', 'dockerd', `swarm agent: ${text}`, detail);
}

export function taskContainer(h: DockerHost, t: SwarmTask): Container | undefined {
  return t.containerId ? h.world.containers[t.containerId] : undefined;
}

/** Pull the image if the machine lacks it, then create the container (not started). */
export function prepareTask(
  h: DockerHost,
  t: SwarmTask,
  info: TaskContainerInfo,
): { ok: true; containerId: string } | { ok: false; error: string } {
  const name = `${info.taskName}.${t.id}`;
  const existing = Object.values(h.world.containers).find((c) => c.name === name);
  if (existing) return { ok: true, containerId: existing.id };
  agentNote(h, `prepare task ${name}`, { task: t.id });
  if (!findImage(h, t.template.image)) {
    agentNote(h, `pull ${displayReference(t.template.image)}`);
    const pulled = pullImage(h, t.template.image, () => {});
    if (!pulled.ok)
      return { ok: false, error: `No such image: ${displayReference(t.template.image)}` };
  }
  const hostPorts = t.template.ports.filter((p) => p.publishMode === 'host');
  const created = createContainer(h, {
    name,
    image: t.template.image,
    cmd: t.template.command ? [...t.template.command] : null,
    env: [...t.template.env],
    labels: {
      'com.docker.swarm.node.id': info.nodeSwarmId,
      'com.docker.swarm.service.id': t.serviceId,
      'com.docker.swarm.service.name': info.serviceName,
      'com.docker.swarm.task': '',
      [TASK_ID_LABEL]: t.id,
      'com.docker.swarm.task.name': name,
    },
    stopTimeout: Math.round(t.template.stopGracePeriod / 1000),
    hostConfig: {
      portBindings: Object.fromEntries(
        hostPorts.map((p) => [
          `${p.targetPort}/${p.protocol}`,
          [{ hostIp: '', hostPort: String(p.publishedPort) }],
        ]),
      ),
    },
  });
  return created.ok
    ? { ok: true, containerId: created.value.id }
    : { ok: false, error: created.message };
}

export function startTaskContainer(h: DockerHost, t: SwarmTask): string | null {
  const c = taskContainer(h, t);
  if (!c) return 'container not found';
  agentNote(h, `start ${c.name}`, { task: t.id });
  const started = startContainer(h, c);
  return started.ok ? null : started.message;
}

/** Stop with the task's grace period: the stop signal, then SIGKILL. */
export function stopTaskContainer(h: DockerHost, t: SwarmTask): void {
  const c = taskContainer(h, t);
  if (!c || (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting')) return;
  agentNote(h, `shut down ${c.name}`, { task: t.id });
  stopContainer(h, c, Math.round(t.template.stopGracePeriod / 1000), false);
}

export function removeTaskContainer(h: DockerHost, c: Container): void {
  agentNote(h, `remove ${c.name}`);
  removeContainer(h, c, { force: true, volumes: true });
}

/** Swarm task containers on the machine (by the task ID label). */
export function swarmContainers(h: DockerHost): Container[] {
  return Object.values(h.world.containers).filter((c) => TASK_ID_LABEL in c.config.labels);
}

export function isUp(c: Container | undefined): boolean {
  return (
    c !== undefined && (c.state === 'running' || c.state === 'paused' || c.state === 'restarting')
  );
}
