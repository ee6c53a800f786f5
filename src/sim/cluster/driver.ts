/**
 * A test driver for the cluster, in the spirit of src/sim/testing/driver.ts: it sends the
 * Engine API requests the real docker CLI sends for `docker swarm|node|service` commands
 * (ENGINE-API.md), so tests and benchmarks read like a terminal session. It is not the CLI.
 */
import type { ApiResponse } from '../api/types';
import { Cluster, type ClusterOptions } from './cluster';
import type { NodeId, SwarmTask } from './types';

export interface ServiceOptions {
  readonly name: string;
  readonly image?: string;
  readonly args?: readonly string[];
  readonly replicas?: number;
  readonly global?: boolean;
  readonly publish?: readonly {
    readonly published: number;
    readonly target: number;
    readonly mode?: 'ingress' | 'host';
  }[];
  readonly update?: {
    readonly parallelism?: number;
    readonly delayMs?: number;
    readonly failureAction?: 'pause' | 'continue' | 'rollback';
    readonly order?: 'stop-first' | 'start-first';
    readonly monitorMs?: number;
  };
  readonly restartDelayMs?: number;
}

const NS = 1_000_000;

export function serviceSpecBody(o: ServiceOptions): Record<string, unknown> {
  const u = o.update ?? {};
  return {
    Name: o.name,
    Labels: {},
    TaskTemplate: {
      ContainerSpec: { Image: o.image ?? 'nginx:latest', ...(o.args ? { Args: o.args } : {}) },
      RestartPolicy: { Condition: 'any', Delay: (o.restartDelayMs ?? 5000) * NS, MaxAttempts: 0 },
      ForceUpdate: 0,
    },
    Mode: o.global ? { Global: {} } : { Replicated: { Replicas: o.replicas ?? 1 } },
    UpdateConfig: {
      Parallelism: u.parallelism ?? 1,
      Delay: (u.delayMs ?? 0) * NS,
      FailureAction: u.failureAction ?? 'pause',
      Monitor: (u.monitorMs ?? 5000) * NS,
      MaxFailureRatio: 0,
      Order: u.order ?? 'stop-first',
    },
    EndpointSpec: {
      Mode: 'vip',
      Ports: (o.publish ?? []).map((p) => ({
        Protocol: 'tcp',
        TargetPort: p.target,
        PublishedPort: p.published,
        PublishMode: p.mode ?? 'ingress',
      })),
    },
  };
}

export class ClusterDriver {
  readonly cluster: Cluster;
  /** The API version the era's CLI speaks. */
  readonly version: string;

  constructor(options: ClusterOptions) {
    this.cluster = new Cluster(options);
    this.version = options.era === 'split' ? '1.38' : '1.51';
  }

  api(node: NodeId, method: string, path: string, body?: unknown): ApiResponse {
    return this.cluster.request(node, {
      method,
      path: `/v${this.version}${path}`,
      ...(body === undefined ? {} : { body }),
    });
  }

  /** `docker swarm init` on `node`: the node ID. */
  init(node: NodeId, force = false): ApiResponse {
    const addr = this.cluster.node(node).addr;
    return this.api(node, 'POST', '/swarm/init', {
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: addr,
      ForceNewCluster: force,
    });
  }

  /** `docker swarm join --token <worker|manager token> <manager addr>:2377`. */
  join(node: NodeId, as: 'worker' | 'manager', via: NodeId): ApiResponse {
    const swarm = this.api(via, 'GET', '/swarm').body as {
      JoinTokens: { Worker: string; Manager: string };
    };
    const token = as === 'worker' ? swarm.JoinTokens.Worker : swarm.JoinTokens.Manager;
    return this.api(node, 'POST', '/swarm/join', {
      ListenAddr: '0.0.0.0:2377',
      AdvertiseAddr: this.cluster.node(node).addr,
      RemoteAddrs: [`${this.cluster.node(via).addr}:2377`],
      JoinToken: token,
    });
  }

  /** `docker swarm init` on node-1, then managers and workers joining through it. */
  form(managers: number, workers: number): void {
    this.init('node-1');
    for (let i = 2; i <= managers; i++) this.join(`node-${i}`, 'manager', 'node-1');
    for (let i = managers + 1; i <= managers + workers; i++)
      this.join(`node-${i}`, 'worker', 'node-1');
  }

  createService(via: NodeId, o: ServiceOptions): ApiResponse {
    return this.api(via, 'POST', '/services/create', serviceSpecBody(o));
  }

  /** `docker service update`: GET the service, POST the changed spec with its version. */
  updateService(
    via: NodeId,
    name: string,
    change: (spec: Record<string, unknown>) => Record<string, unknown>,
    query = '',
  ): ApiResponse {
    const got = this.api(via, 'GET', `/services/${name}`);
    if (got.status !== 200) return got;
    const s = got.body as { ID: string; Version: { Index: number }; Spec: Record<string, unknown> };
    return this.api(
      via,
      'POST',
      `/services/${s.ID}/update?version=${s.Version.Index}${query}`,
      change(s.Spec),
    );
  }

  scale(via: NodeId, name: string, replicas: number): ApiResponse {
    return this.updateService(via, name, (spec) => ({
      ...spec,
      Mode: { Replicated: { Replicas: replicas } },
    }));
  }

  /** `docker node update`: GET the node, POST its spec changed, with its version. */
  updateNode(via: NodeId, target: NodeId, change: Record<string, unknown>): ApiResponse {
    const got = this.api(via, 'GET', `/nodes/${target}`);
    if (got.status !== 200) return got;
    const n = got.body as { ID: string; Version: { Index: number }; Spec: Record<string, unknown> };
    return this.api(via, 'POST', `/nodes/${n.ID}/update?version=${n.Version.Index}`, {
      ...n.Spec,
      ...change,
    });
  }

  /** `docker node update --availability <a> <node>`. */
  availability(
    via: NodeId,
    target: NodeId,
    availability: 'active' | 'pause' | 'drain',
  ): ApiResponse {
    return this.updateNode(via, target, { Availability: availability });
  }

  /** `docker node promote|demote <node>`. */
  role(via: NodeId, target: NodeId, role: 'manager' | 'worker'): ApiResponse {
    return this.updateNode(via, target, { Role: role });
  }

  advance(ms: number): void {
    this.cluster.advance(ms);
  }

  /** Tasks of a service (by name) that the orchestrator wants and that run. */
  running(service: string): SwarmTask[] {
    const s = Object.values(this.cluster.world.services).find((x) => x.spec.name === service);
    return Object.values(this.cluster.world.tasks).filter(
      (t) => t.serviceId === s?.id && t.desiredState === 'running' && t.state === 'running',
    );
  }

  /** Running containers of a service on a machine's host. */
  containersOn(node: NodeId, service: string): number {
    return Object.values(this.cluster.node(node).sim.world.containers).filter(
      (c) => c.state === 'running' && c.config.labels['com.docker.swarm.service.name'] === service,
    ).length;
  }

  leader(): NodeId | null {
    return this.cluster.world.raft.leader;
  }
}
