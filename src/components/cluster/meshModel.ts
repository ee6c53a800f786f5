/**
 * The routing mesh as a table a student can read: for each port a service publishes through
 * the ingress network, which tasks would answer the first connections arriving at each machine
 * of the swarm (round-robin), including machines that run no task of that service (they answer all the same,
 * passing the connection on, which is the point of the mesh).
 * Contract: pure; asks the cluster's own `meshRoutes` (src/sim/cluster/mesh.ts), the single
 * source of the mesh's rules.
 */
import type { MeshAnswer } from '../../sim/cluster/mesh';
import type { ClusterWorld, NodeId } from '../../sim/cluster/types';

/** How many connections in a row each machine shows: enough to see the round-robin. */
export const CONNECTIONS = 3;

export interface MeshRow {
  /** The machine the connections arrive at. */
  readonly node: NodeId;
  /** Who answers its first connections, in turn (empty: nothing answers). */
  readonly answers: readonly MeshAnswer[];
  /** Some of them are passed on to a task on another machine. */
  readonly forwards: boolean;
}

export interface MeshPort {
  readonly service: string;
  readonly port: number;
  readonly target: number;
  readonly rows: readonly MeshRow[];
}

export interface MeshSource {
  readonly world: ClusterWorld;
  meshRoutes(port: number, nodes: readonly NodeId[], limit: number): Map<NodeId, MeshAnswer[]>;
}

export function meshPorts(cluster: MeshSource): MeshPort[] {
  const { world } = cluster;
  const members = Object.values(world.nodes)
    .filter((n) => n.role !== null)
    .map((n) => n.id)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return Object.values(world.services)
    .sort((a, b) => a.createdAt - b.createdAt)
    .flatMap((service) =>
      service.spec.ports
        .filter((p) => p.publishMode === 'ingress')
        .map((p) => {
          const routes = cluster.meshRoutes(p.publishedPort, members, CONNECTIONS);
          return {
            service: service.spec.name,
            port: p.publishedPort,
            target: p.targetPort,
            rows: members.map((node) => {
              const answers = routes.get(node) ?? [];
              return { node, answers, forwards: answers.some((a) => a.node !== node) };
            }),
          };
        }),
    );
}
