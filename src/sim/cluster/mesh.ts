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
import type { NodeId } from './types';

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

export function meshAnswerIn(
  rt: ClusterRuntime,
  node: NodeId,
  port: number,
  connection = 0,
): MeshAnswer | null {
  const entry = rt.world.nodes[node];
  if (!entry || entry.localState !== 'active' || !swarmRunning(rt, node)) return null;
  for (const s of Object.values(rt.world.services)) {
    const published = s.spec.ports.find((p) => p.publishedPort === port);
    if (!published) continue;
    const ingress = published.publishMode === 'ingress';
    const candidates = Object.values(rt.world.tasks)
      .filter(
        (t) =>
          t.serviceId === s.id &&
          t.state === 'running' &&
          t.desiredState === 'running' &&
          t.nodeId !== null,
      )
      .filter((t) => (ingress ? connected(rt, node, t.nodeId!) : t.nodeId === node))
      .sort(
        (a, b) =>
          a.slot - b.slot || compareNodeIds(a.nodeId!, b.nodeId!) || a.id.localeCompare(b.id),
      );
    if (candidates.length === 0) return null;
    const t =
      candidates[((connection % candidates.length) + candidates.length) % candidates.length]!;
    return {
      serviceId: s.id,
      taskId: t.id,
      taskName: taskName(rt.world, t),
      node: t.nodeId!,
      containerId: t.containerId,
      via: ingress ? 'ingress' : 'host',
    };
  }
  return null;
}
