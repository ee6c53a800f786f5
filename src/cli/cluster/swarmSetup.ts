/**
 * Swarm chores the cluster view does in one click, each as the sequence of Engine API requests
 * the real CLI sends: set a swarm up (`docker swarm init` on node-1, `docker swarm join` with
 * the manager or worker token on the others, `docker service create`), scale a service
 * (`docker service scale`: read the spec and its version, send it back changed), change a
 * node's availability (`docker node update --availability`).
 * Contract: talks to the cluster only through Cluster.request, to a manager that is powered
 * on (the leader first: a follower forwards to it anyway); answers the daemon's error message,
 * or null when every request succeeded.
 */
import type { ApiResponse } from '../../sim/api/types';
import type { Cluster } from '../../sim/cluster/cluster';
import type { NodeId } from '../../sim/cluster/types';
import {
  distributionInspect,
  nodeInspect,
  nodeUpdate,
  serviceCreate,
  serviceInspect,
  serviceUpdate,
  swarmInit,
  swarmInspect,
  swarmJoin,
  type ServiceOptions,
} from './swarmRequests';

export interface SwarmPlan {
  readonly managers: number;
  readonly workers: number;
  readonly services: readonly ServiceOptions[];
}

/** The message the CLI would print after "Error response from daemon: ", or null. */
export function errorOf(response: ApiResponse): string | null {
  if (response.connectionRefused || response.status === 0) return 'connection refused';
  if (response.status < 400) return null;
  const body = response.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : `status ${response.status}`;
}

/** Where `docker` would run: the leader if its machine is on, else any manager that is. */
export function managerToAsk(cluster: Cluster): NodeId | null {
  const { nodes, raft } = cluster.world;
  const on = (id: NodeId) => nodes[id]?.machine !== 'powered-off' && nodes[id]?.role === 'manager';
  if (raft.leader !== null && on(raft.leader)) return raft.leader;
  return Object.keys(nodes).find(on) ?? null;
}

/** Answered when no manager's machine is on: there is no daemon to send the request to. */
export const NO_MANAGER = 'no manager is up';

function versionOf(
  body: unknown,
): { id: string; version: number; spec: Record<string, unknown> } | null {
  const b = body as { ID?: unknown; Version?: { Index?: unknown }; Spec?: unknown } | undefined;
  if (typeof b?.ID !== 'string' || typeof b.Version?.Index !== 'number') return null;
  return { id: b.ID, version: b.Version.Index, spec: (b.Spec ?? {}) as Record<string, unknown> };
}

/** `docker service create`: pin the image by digest when the registry knows it, then create. */
function createService(cluster: Cluster, on: NodeId, service: ServiceOptions): string | null {
  const image = service.image.includes(':') ? service.image : `${service.image}:latest`;
  const found = cluster.request(on, distributionInspect(image));
  const digest = (found.body as { Descriptor?: { digest?: unknown } } | undefined)?.Descriptor
    ?.digest;
  // A 404 here only warns in the real CLI: the service is created with the unpinned image.
  const pinned = found.status === 200 && typeof digest === 'string' ? `${image}@${digest}` : image;
  return errorOf(cluster.request(on, serviceCreate(service, pinned)));
}

/** init on node-1, joins for the rest (managers first), then the services. */
export function setUpSwarm(cluster: Cluster, plan: SwarmPlan): string | null {
  const [first, ...others] = cluster.nodes;
  if (!first) return NO_MANAGER;
  const init = errorOf(cluster.request(first.id, swarmInit(first.addr)));
  if (init) return init;
  const swarm = cluster.request(first.id, swarmInspect);
  const tokens = (
    swarm.body as { JoinTokens?: { Worker?: unknown; Manager?: unknown } } | undefined
  )?.JoinTokens;
  if (typeof tokens?.Manager !== 'string' || typeof tokens.Worker !== 'string')
    return errorOf(swarm) ?? 'no join tokens';
  for (const [index, machine] of others.entries()) {
    const token = index < plan.managers - 1 ? tokens.Manager : tokens.Worker;
    const joined = errorOf(cluster.request(machine.id, swarmJoin(first.addr, token)));
    if (joined) return joined;
  }
  for (const service of plan.services) {
    const created = createService(cluster, first.id, service);
    if (created) return created;
  }
  return null;
}

/** `docker service scale NAME=N`: the spec read back, with its version, replicas changed. */
export function scaleService(cluster: Cluster, serviceId: string, replicas: number): string | null {
  const on = managerToAsk(cluster);
  if (on === null) return NO_MANAGER;
  const read = cluster.request(on, serviceInspect(serviceId));
  const current = versionOf(read.body);
  if (!current) return errorOf(read) ?? 'no such service';
  const spec = { ...current.spec, Mode: { Replicated: { Replicas: Math.max(0, replicas) } } };
  return errorOf(cluster.request(on, serviceUpdate(current.id, current.version, spec)));
}

/** `docker node update --availability drain|active NODE`. */
export function drain(
  cluster: Cluster,
  node: NodeId,
  availability: 'active' | 'drain',
): string | null {
  const on = managerToAsk(cluster);
  if (on === null) return NO_MANAGER;
  const hostname = cluster.world.nodes[node]?.hostname ?? node;
  const read = cluster.request(on, nodeInspect(hostname));
  const current = versionOf(read.body);
  if (!current) return errorOf(read) ?? 'no such node';
  const spec = { ...current.spec, Availability: availability };
  return errorOf(cluster.request(on, nodeUpdate(current.id, current.version, spec)));
}
