/**
 * Small facts about tasks shared by the orchestrators, the scheduler, the agents and the API:
 * the order of task states, which tasks count, a task's name, and making a new task.
 */
import type { ClusterRuntime } from './runtime';
import type {
  ClusterWorld,
  NodeId,
  ServiceSpec,
  SwarmService,
  SwarmTask,
  TaskState,
  TaskTemplate,
} from './types';

/** SwarmKit's TaskState enum order: a state "greater than running" is final. */
const ORDER: readonly TaskState[] = [
  'new',
  'pending',
  'assigned',
  'accepted',
  'preparing',
  'ready',
  'starting',
  'running',
  'complete',
  'shutdown',
  'failed',
  'rejected',
  'remove',
  'orphaned',
];

export function stateRank(state: TaskState): number {
  return ORDER.indexOf(state);
}

/** The task is over: complete, shut down, failed, rejected, removed or orphaned. */
export function isFinal(state: TaskState): boolean {
  return stateRank(state) > stateRank('running');
}

/** The orchestrator still wants it (desired `ready` or `running`). */
export function isWanted(t: SwarmTask): boolean {
  return t.desiredState === 'ready' || t.desiredState === 'running';
}

/** Still holds its node's resources: wanted and not over. */
export function isActive(t: SwarmTask): boolean {
  return isWanted(t) && !isFinal(t.state);
}

export function isReplicated(s: SwarmService): boolean {
  return 'replicated' in s.spec.mode;
}

const templates = new WeakMap<ServiceSpec, TaskTemplate>();
const texts = new WeakMap<TaskTemplate, string>();

/**
 * What a task of this spec runs; compared with a task's own to tell an out-of-date task. The
 * same spec gives the same template object, so that the comparison is mostly by reference.
 */
export function templateOf(spec: ServiceSpec): TaskTemplate {
  let t = templates.get(spec);
  if (!t) {
    t = {
      image: spec.image,
      command: spec.command,
      env: spec.env,
      restart: spec.restart,
      stopGracePeriod: spec.stopGracePeriod,
      forceUpdate: spec.forceUpdate,
      ports: spec.ports,
    };
    templates.set(spec, t);
  }
  return t;
}

function text(t: TaskTemplate): string {
  let s = texts.get(t);
  if (s === undefined) {
    s = JSON.stringify(t);
    texts.set(t, s);
  }
  return s;
}

export function isDirty(s: SwarmService, t: SwarmTask): boolean {
  const current = templateOf(s.spec);
  return t.template !== current && text(t.template) !== text(current);
}

/** The slot a task fills: its number (replicated) or its node (global). */
export function slotKey(t: SwarmTask): string {
  return t.slot > 0 ? String(t.slot) : (t.nodeId ?? '');
}

/** Every task of a service, oldest first. */
export function tasksOf(world: ClusterWorld, serviceId: string): SwarmTask[] {
  return Object.values(world.tasks)
    .filter((t) => t.serviceId === serviceId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** `web.2` (replicated) or `web.<node id>` (global), as `docker service ps` names tasks. */
export function taskName(world: ClusterWorld, t: SwarmTask): string {
  const service = world.services[t.serviceId]?.spec.name ?? t.serviceId;
  if (t.slot > 0) return `${service}.${t.slot}`;
  const node = t.nodeId ? world.nodes[t.nodeId]?.swarmId : null;
  return `${service}.${node ?? ''}`;
}

/** A new task for a slot (replicated) or a node (global), in state `new`. */
export function newTask(
  rt: ClusterRuntime,
  service: SwarmService,
  slot: number,
  nodeId: NodeId | null,
  desiredState: SwarmTask['desiredState'],
): SwarmTask {
  return {
    id: rt.newId(),
    serviceId: service.id,
    slot,
    nodeId,
    specVersion: service.specVersion,
    template: templateOf(service.spec),
    desiredState,
    state: 'new',
    stateAt: rt.now,
    error: '',
    containerId: null,
    exitCode: null,
    message: 'created',
    createdAt: rt.now,
    version: 0,
    startAfter: null,
    waitFor: null,
  };
}

/** Nodes in the swarm's store, in machine order. */
export function swarmNodes(world: ClusterWorld): NodeId[] {
  return Object.values(world.nodes)
    .filter((n) => n.swarmId !== null && n.role !== null)
    .map((n) => n.id)
    .sort(compareNodeIds);
}

/** `node-2` before `node-10`. */
export function compareNodeIds(a: NodeId, b: NodeId): number {
  const na = Number(/\d+$/.exec(a)?.[0] ?? 0);
  const nb = Number(/\d+$/.exec(b)?.[0] ?? 0);
  return na - nb || a.localeCompare(b);
}
