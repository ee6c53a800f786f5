/**
 * Changes are data: every mutation of the cluster world is one `ClusterChange`, applied by
 * `applyClusterChange` and recorded in the cluster trace, so that `worldAt(seq)` can rebuild
 * any moment. Writes to the Raft store carry the new Raft `index`; changes to what the
 * simulation knows of a machine (power, network) and to Raft's own bookkeeping do not.
 */
import type {
  ClusterWorld,
  NodeId,
  RaftState,
  SwarmNode,
  SwarmService,
  SwarmTask,
  UpdaterState,
} from './types';

export type ClusterChange =
  | {
      op: 'swarm';
      patch: Partial<
        Pick<ClusterWorld, 'swarmId' | 'swarmCreatedAt' | 'swarmVersion' | 'joinTokens'>
      >;
      index?: number;
    }
  | { op: 'node'; node: SwarmNode; index?: number }
  /**
   * A heartbeat came: only the node's session clock moves. The most frequent change of a
   * swarm (fifty machines beat every five seconds), so it carries two numbers, not the node.
   */
  | { op: 'node.heartbeat'; id: NodeId; at: number; deadline: number }
  | { op: 'raft'; raft: RaftState }
  | { op: 'service'; service: SwarmService; index: number }
  | { op: 'service.remove'; id: string; index: number }
  | { op: 'task'; task: SwarmTask; index: number }
  | { op: 'task.remove'; id: string; index: number }
  | { op: 'updater'; updater: UpdaterState }
  | { op: 'updater.remove'; id: string };

export function applyClusterChange(world: ClusterWorld, change: ClusterChange): void {
  if ('index' in change && change.index !== undefined) world.index = change.index;
  switch (change.op) {
    case 'swarm':
      Object.assign(world, change.patch);
      return;
    case 'node':
      world.nodes[change.node.id] = change.node;
      return;
    case 'node.heartbeat': {
      const node = world.nodes[change.id];
      if (node)
        world.nodes[change.id] = {
          ...node,
          lastHeartbeat: change.at,
          heartbeatDeadline: change.deadline,
        };
      return;
    }
    case 'raft':
      world.raft = change.raft;
      return;
    case 'service':
      world.services[change.service.id] = change.service;
      return;
    case 'service.remove':
      delete world.services[change.id];
      return;
    case 'task':
      world.tasks[change.task.id] = change.task;
      return;
    case 'task.remove':
      delete world.tasks[change.id];
      return;
    case 'updater':
      world.updates[change.updater.serviceId] = change.updater;
      return;
    case 'updater.remove':
      delete world.updates[change.id];
      return;
  }
}

/** A machine that is in no swarm yet. */
export function freshNode(id: NodeId, addr: string): SwarmNode {
  return {
    id,
    swarmId: null,
    hostname: id,
    addr,
    role: null,
    localState: 'inactive',
    availability: 'active',
    state: 'unknown',
    managerStatus: null,
    machine: 'up',
    lastHeartbeat: 0,
    heartbeatDeadline: null,
    statusMessage: '',
    labels: {},
    version: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** The cluster before anyone typed `docker swarm init`: N machines, no swarm. */
export function initialClusterWorld(
  machines: readonly { id: NodeId; addr: string }[],
  epochMs: number,
): ClusterWorld {
  return {
    now: 0,
    epochMs,
    swarmId: null,
    swarmCreatedAt: 0,
    swarmVersion: 0,
    joinTokens: null,
    nodes: Object.fromEntries(machines.map((m) => [m.id, freshNode(m.id, m.addr)])),
    raft: { term: 0, leader: null, members: [], peers: {} },
    services: {},
    tasks: {},
    updates: {},
    index: 0,
  };
}
