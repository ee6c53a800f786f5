/**
 * Writes to the Raft store (nodes, services, tasks): each one is a log entry, so it takes the
 * next Raft index, which becomes the object's `Version.Index`. Callers make sure the leader
 * can commit (net.canCommit) before writing. Task and service writes mark the service for the
 * orchestrators to look at again.
 */
import type { ClusterRuntime } from './runtime';
import { isFinal } from './tasks';
import type { ClusterEndpoint } from './trace';
import type { NodeId, SwarmNode, SwarmService, SwarmTask } from './types';

/**
 * Writes a task. The orchestrators look at its service again when the task is new, ended, or
 * its desired state changed (SwarmKit's orchestrators react to those events, not to every
 * status report); an updater in progress wakes on any change of its service's tasks.
 */
export function putTask(
  rt: ClusterRuntime,
  task: SwarmTask,
  at: ClusterEndpoint,
  label: string,
): SwarmTask {
  const before = rt.world.tasks[task.id];
  const index = rt.nextIndex();
  const written = { ...task, version: index };
  rt.change({ op: 'task', task: written, index }, at, label);
  if (
    !before ||
    before.desiredState !== task.desiredState ||
    (isFinal(task.state) && !isFinal(before.state))
  )
    rt.dirty.add(task.serviceId);
  if (rt.world.updates[task.serviceId])
    rt.scheduleOnce(0, { kind: 'update', service: task.serviceId });
  rt.touched.add(task.id);
  return written;
}

export function patchTask(
  rt: ClusterRuntime,
  id: string,
  patch: Partial<SwarmTask>,
  at: ClusterEndpoint,
  label: string,
): SwarmTask | null {
  const task = rt.world.tasks[id];
  if (!task) return null;
  const stateChanged = patch.state !== undefined && patch.state !== task.state;
  return putTask(
    rt,
    { ...task, ...patch, ...(stateChanged ? { stateAt: rt.now } : {}) },
    at,
    label,
  );
}

export function removeTask(
  rt: ClusterRuntime,
  id: string,
  at: ClusterEndpoint,
  label: string,
): void {
  const task = rt.world.tasks[id];
  if (!task) return;
  rt.change({ op: 'task.remove', id, index: rt.nextIndex() }, at, label);
  rt.dirty.add(task.serviceId);
}

export function putService(
  rt: ClusterRuntime,
  service: SwarmService,
  at: ClusterEndpoint,
  label: string,
): SwarmService {
  const index = rt.nextIndex();
  const written = { ...service, version: index, updatedAt: rt.now };
  rt.change({ op: 'service', service: written, index }, at, label);
  rt.dirty.add(service.id);
  return written;
}

export function removeService(
  rt: ClusterRuntime,
  id: string,
  at: ClusterEndpoint,
  label: string,
): void {
  rt.change({ op: 'service.remove', id, index: rt.nextIndex() }, at, label);
}

/**
 * Changes a node object. `raft` writes (role, availability, status) take a Raft index; what
 * only the simulation or the dispatcher's memory holds (the machine's power, heartbeats,
 * manager status) does not.
 */
export function patchNode(
  rt: ClusterRuntime,
  id: NodeId,
  patch: Partial<SwarmNode>,
  at: ClusterEndpoint,
  label: string,
  raft = true,
): SwarmNode | null {
  const node = rt.world.nodes[id];
  if (!node) return null;
  if (raft) {
    const index = rt.nextIndex();
    const written = { ...node, ...patch, version: index, updatedAt: rt.now };
    rt.change({ op: 'node', node: written, index }, at, label);
    rt.nodesChanged = true;
    return written;
  }
  const written = { ...node, ...patch };
  rt.change({ op: 'node', node: written }, at, label);
  return written;
}
