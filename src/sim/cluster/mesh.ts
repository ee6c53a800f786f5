/**
 * The routing mesh (ingress): every swarm node listens on a service's published port (ingress
 * mode) and passes each connection to a running task of the service, on any node it can
 * reach, even if it runs none itself; IPVS picks the task round-robin. `meshAnswer` says which
 * task would answer the `connection`-th connection arriving at `node` on `port`, or null when
 * nothing would (no such port, the machine is off or not in the swarm, no task reachable).
 * Host-mode ports bypass the mesh: only a node running such a task answers, with that task.
 * Source: https://docs.docker.com/engine/swarm/ingress/.
 */
import { connected, swarmRunning } from './net';
import type { ClusterRuntime } from './runtime';
import { compareNodeIds, taskName } from './tasks';
import type { NodeId, SwarmTask } from './types';

export interface MeshAnswer {
  readonly serviceId: string;
  readonly taskId: string;
  /** `web.2`. */
  readonly taskName: string;
  /** The machine the task runs on. */
  readonly node: NodeId;
  readonly containerId: string | null;
  /** `ingress` (the mesh) or `host` (the node's own task). */
  readonly via: 'ingress' | 'host';
}

/** Whether `node` listens on published ports at all: an active member whose dockerd runs. */
function listens(rt: ClusterRuntime, node: NodeId): boolean {
  const entry = rt.world.nodes[node];
  return entry !== undefined && entry.localState === 'active' && swarmRunning(rt, node);
}

/** The service that publishes `port` (Docker lets only one), and how. */
function publisher(rt: ClusterRuntime, port: number) {
  for (const service of Object.values(rt.world.services)) {
    const published = service.spec.ports.find((p) => p.publishedPort === port);
    if (published) return { service, ingress: published.publishMode === 'ingress' };
  }
  return null;
}

/** The service's running tasks in the order IPVS hands them out: by slot, node, then id. */
function inTurn(rt: ClusterRuntime, serviceId: string): SwarmTask[] {
  return Object.values(rt.world.tasks)
    .filter(
      (t) =>
        t.serviceId === serviceId &&
        t.state === 'running' &&
        t.desiredState === 'running' &&
        t.nodeId !== null,
    )
    .sort(
      (a, b) => a.slot - b.slot || compareNodeIds(a.nodeId!, b.nodeId!) || a.id.localeCompare(b.id),
    );
}

/** Whether a connection arriving at `node` can be answered by task `t`. */
function reaches(rt: ClusterRuntime, node: NodeId, t: SwarmTask, ingress: boolean): boolean {
  return ingress ? connected(rt, node, t.nodeId!) : t.nodeId === node;
}

function answer(rt: ClusterRuntime, t: SwarmTask, ingress: boolean): MeshAnswer {
  return {
    serviceId: t.serviceId,
    taskId: t.id,
    taskName: taskName(rt.world, t),
    node: t.nodeId!,
    containerId: t.containerId,
    via: ingress ? 'ingress' : 'host',
  };
}

export function meshAnswerIn(
  rt: ClusterRuntime,
  node: NodeId,
  port: number,
  connection = 0,
): MeshAnswer | null {
  const found = publisher(rt, port);
  if (!found || !listens(rt, node)) return null;
  const candidates = inTurn(rt, found.service.id).filter((t) =>
    reaches(rt, node, t, found.ingress),
  );
  if (candidates.length === 0) return null;
  const t = candidates[((connection % candidates.length) + candidates.length) % candidates.length]!;
  return answer(rt, t, found.ingress);
}

/**
 * For each of `nodes`, who answers the first `limit` connections arriving there on `port`, in
 * turn (fewer when fewer tasks are reachable; none when nothing answers): what `meshAnswerIn`
 * gives for connections 0, 1, ... up to the first repeat, with the tasks put in order once for
 * all the nodes (a big swarm's mesh table asks for 50 nodes of 1,000 tasks at every tick).
 */
export function meshRoutesIn(
  rt: ClusterRuntime,
  port: number,
  nodes: readonly NodeId[],
  limit: number,
): Map<NodeId, MeshAnswer[]> {
  const found = publisher(rt, port);
  const ordered = found ? inTurn(rt, found.service.id) : [];
  const routes = new Map<NodeId, MeshAnswer[]>();
  for (const node of nodes) {
    const answers: MeshAnswer[] = [];
    if (found && listens(rt, node))
      for (const t of ordered) {
        if (answers.length >= limit) break;
        if (reaches(rt, node, t, found.ingress)) answers.push(answer(rt, t, found.ingress));
      }
    routes.set(node, answers);
  }
  return routes;
}
