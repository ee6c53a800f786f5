/**
 * Each node's swarm agent (SwarmKit agent + moby's executor): it takes the tasks the
 * dispatcher assigns to its node and walks each one through accepted -> preparing (pull,
 * create) -> ready -> starting -> running, reporting every state to the dispatcher. When a
 * task's container exits it reports `failed` (`task: non-zero exit (N)`) or `complete`; when
 * the orchestrator no longer wants a task it stops the container and reports `shutdown`; it
 * removes the containers of tasks the managers have deleted.
 *
 * The agent acts only while its session with the leader is up. Cut off, it leaves its
 * containers running as they are; when it registers again it reconciles: what ran on while
 * the managers replaced it elsewhere is shut down. Host work runs on the machine's own clock;
 * the report is sent when the cluster's clock has caught up with it.
 */
import { HOP_MS } from './defaults';
import { sessionUp } from './dispatcher';
import { hostSync } from './hostclock';
import {
  isUp,
  prepareTask,
  removeTaskContainer,
  startTaskContainer,
  stopTaskContainer,
  swarmContainers,
  taskContainer,
  TASK_ID_LABEL,
} from './hostwork';
import { predecessorStopped } from './orchestrator';
import type { ClusterRuntime } from './runtime';
import { patchTask } from './store';
import { isFinal, stateRank, taskName } from './tasks';
import { clusterEndpoint as ep } from './trace';
import type { NodeId, SwarmTask } from './types';

function hop(rt: ClusterRuntime): number {
  return rt.jitter(HOP_MS[0], HOP_MS[1]);
}

/** Sends a status report to the dispatcher, which commits it. */
function report(
  rt: ClusterRuntime,
  node: NodeId,
  t: SwarmTask,
  patch: Partial<SwarmTask>,
  label: string,
): void {
  rt.emit('status', ep.agent(node), 'dispatcher', `${taskName(rt.world, t)}: ${label}`, {
    task: t.id,
  });
  const next = patchTask(
    rt,
    t.id,
    patch,
    'dispatcher',
    `${taskName(rt.world, t)} ${patch.state ?? ''} (${t.id})`,
  );
  if (next && isFinal(next.state)) predecessorStopped(rt, t.id);
}

/** Whether the agent has something to do with this task. */
function needsAction(rt: ClusterRuntime, t: SwarmTask): boolean {
  if (rt.reports.has(t.id)) return true;
  const wanted = t.desiredState === 'ready' || t.desiredState === 'running';
  if (!wanted) return !isFinal(t.state) || isUp(taskContainer(hostOf(rt, t), t));
  if (t.state === 'ready') return t.desiredState === 'running';
  return stateRank(t.state) >= stateRank('assigned') && !isFinal(t.state);
}

function hostOf(rt: ClusterRuntime, t: SwarmTask) {
  return rt.machine(t.nodeId!).sim.host;
}

/** Queues the agent's next step for a task. */
export function poke(rt: ClusterRuntime, node: NodeId, task: string, delay = hop(rt)): void {
  rt.scheduleOnce(delay, { kind: 'agent', node, task });
}

/** The agent looks at everything assigned to it (on register, on each heartbeat). */
export function agentSync(rt: ClusterRuntime, node: NodeId): void {
  if (!sessionUp(rt, node)) return;
  const h = hostSync(rt, node);
  for (const t of rt.tasksOn(node)) if (needsAction(rt, t)) poke(rt, node, t.id);
  for (const c of swarmContainers(h)) {
    const t = rt.world.tasks[c.config.labels[TASK_ID_LABEL] ?? ''];
    if (!t || t.nodeId !== node) removeTaskContainer(h, c);
  }
}

/** One step of one task. */
export function agentStep(rt: ClusterRuntime, node: NodeId, taskId: string): void {
  const t0 = rt.world.tasks[taskId];
  if (!t0 || t0.nodeId !== node) {
    rt.reports.delete(taskId);
    return;
  }
  if (!sessionUp(rt, node)) return;
  const pending = rt.reports.get(taskId);
  if (pending) {
    rt.reports.delete(taskId);
    report(rt, node, t0, pending.patch, pending.label);
  }
  const t = rt.world.tasks[taskId]!;
  const h = hostSync(rt, node);
  const later = (patch: Partial<SwarmTask>, label: string): void => {
    rt.reports.set(t.id, { patch, label });
    poke(rt, node, t.id, h.now - rt.now + hop(rt));
  };
  const now = (patch: Partial<SwarmTask>, label: string): void => {
    report(rt, node, t, patch, label);
    poke(rt, node, t.id);
  };
  const container = taskContainer(h, t);
  const wanted = t.desiredState === 'ready' || t.desiredState === 'running';
  if (!wanted) {
    if (isUp(container)) stopTaskContainer(h, t);
    if (!isFinal(t.state)) {
      const c = taskContainer(h, t);
      later(
        { state: 'shutdown', message: 'shutdown', exitCode: c ? c.exitCode : null },
        'shutdown',
      );
    }
    return;
  }
  switch (t.state) {
    case 'assigned':
      return now({ state: 'accepted', message: 'accepted' }, 'accepted');
    case 'accepted':
      return now({ state: 'preparing', message: 'preparing' }, 'preparing');
    case 'preparing': {
      const nodeSwarmId = rt.world.nodes[node]?.swarmId ?? '';
      const service = rt.world.services[t.serviceId]?.spec.name ?? t.serviceId;
      const prepared = prepareTask(h, t, {
        taskName: taskName(rt.world, t),
        serviceName: service,
        nodeSwarmId,
      });
      if (!prepared.ok)
        return later(
          { state: 'rejected', message: 'preparing', error: prepared.error },
          prepared.error,
        );
      rt.containers.set(prepared.containerId, t.id);
      return later(
        { state: 'ready', message: 'prepared', containerId: prepared.containerId },
        'ready',
      );
    }
    case 'ready':
      if (t.desiredState === 'running') now({ state: 'starting', message: 'starting' }, 'starting');
      return;
    case 'starting': {
      const error = startTaskContainer(h, t);
      const c = taskContainer(h, t);
      if (error)
        return later(
          { state: 'failed', message: 'starting', error, exitCode: c?.exitCode ?? null },
          error,
        );
      return later({ state: 'running', message: 'started' }, 'running');
    }
    case 'running':
      if (container && !isUp(container)) {
        const code = container.exitCode;
        if (code === 0)
          return later({ state: 'complete', message: 'finished', exitCode: 0 }, 'complete');
        const error = `task: non-zero exit (${code})`;
        return later({ state: 'failed', message: 'started', error, exitCode: code }, error);
      }
      if (!container)
        later(
          { state: 'failed', message: 'started', error: 'container not found' },
          'container not found',
        );
      return;
    default:
      return;
  }
}

/** The dispatcher tells each agent about its tasks that changed (the Assignments stream). */
export function dispatchAssignments(rt: ClusterRuntime): void {
  const ids = [...rt.touched];
  rt.touched.clear();
  for (const id of ids) {
    const t = rt.world.tasks[id];
    if (!t?.nodeId || !sessionUp(rt, t.nodeId) || !needsAction(rt, t)) continue;
    if (t.state === 'assigned')
      rt.emit('assign', 'dispatcher', ep.agent(t.nodeId), `assign ${taskName(rt.world, t)}`, {
        task: t.id,
      });
    else if (t.desiredState === 'shutdown' || t.desiredState === 'remove')
      rt.emit('assign', 'dispatcher', ep.agent(t.nodeId), `shut down ${taskName(rt.world, t)}`, {
        task: t.id,
      });
    poke(rt, t.nodeId, t.id);
  }
}

/** A container of a task died on `node`: the agent will report it. */
export function containerDied(rt: ClusterRuntime, node: NodeId, containerId: string): void {
  const task = rt.containers.get(containerId);
  if (task) poke(rt, node, task);
}

/** The machine leaves the swarm: dockerd removes every task container (moby Cluster.Leave). */
export function removeAllTaskContainers(rt: ClusterRuntime, node: NodeId): void {
  const h = hostSync(rt, node);
  for (const c of swarmContainers(h)) removeTaskContainer(h, c);
}
