/**
 * The Engine API's JSON for Swarm objects (moby api/types/swarm), projected from the cluster
 * world: what `GET /nodes`, `/services`, `/tasks` and `/swarm` answer. Times are RFC 3339;
 * durations nanoseconds; node IDs the SwarmKit IDs (not the machine names).
 */
import { ERA_INFO } from '../eras';
import { ELECTION_TICK, HEARTBEAT_PERIOD_MS, HEARTBEAT_TICK, TASK_HISTORY_LIMIT } from './defaults';
import type { ClusterRuntime } from './runtime';
import { portJson, specToApi, taskTemplateJson } from './spec';
import { isDirty } from './tasks';
import type { ClusterWorld, SwarmNode, SwarmService, SwarmTask } from './types';

export function iso(world: ClusterWorld, t: number): string {
  return new Date(world.epochMs + t).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function nodeJson(rt: ClusterRuntime, n: SwarmNode): Record<string, unknown> {
  const era = rt.machine(n.id).sim.world.settings.era;
  return {
    ID: n.swarmId,
    Version: { Index: n.version },
    CreatedAt: iso(rt.world, n.createdAt),
    UpdatedAt: iso(rt.world, n.updatedAt),
    Spec: { Labels: n.labels, Role: n.role, Availability: n.availability },
    Description: {
      Hostname: n.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: 2_000_000_000, MemoryBytes: 8 * 1024 ** 3 },
      Engine: {
        EngineVersion: ERA_INFO[era].serverVersion,
        Plugins: [
          { Type: 'Log', Name: 'json-file' },
          { Type: 'Network', Name: 'bridge' },
          { Type: 'Network', Name: 'overlay' },
          { Type: 'Volume', Name: 'local' },
        ],
      },
    },
    Status: {
      State: n.state,
      ...(n.statusMessage ? { Message: n.statusMessage } : {}),
      Addr: n.addr,
    },
    ...(n.managerStatus
      ? {
          ManagerStatus: {
            ...(n.managerStatus.leader ? { Leader: true } : {}),
            Reachability: n.managerStatus.reachability,
            Addr: n.managerStatus.addr,
          },
        }
      : {}),
  };
}

export function taskJson(rt: ClusterRuntime, t: SwarmTask): Record<string, unknown> {
  const node = t.nodeId ? rt.world.nodes[t.nodeId] : undefined;
  const container =
    t.containerId && t.nodeId
      ? rt.machine(t.nodeId).sim.world.containers[t.containerId]
      : undefined;
  return {
    ID: t.id,
    Version: { Index: t.version },
    CreatedAt: iso(rt.world, t.createdAt),
    UpdatedAt: iso(rt.world, t.stateAt),
    Labels: {},
    Spec: taskTemplateJson(t.template),
    ServiceID: t.serviceId,
    ...(t.slot > 0 ? { Slot: t.slot } : {}),
    ...(node?.swarmId ? { NodeID: node.swarmId } : {}),
    Status: {
      Timestamp: iso(rt.world, t.stateAt),
      State: t.state,
      Message: t.message,
      ...(t.error ? { Err: t.error } : {}),
      ...(t.containerId
        ? {
            ContainerStatus: {
              ContainerID: t.containerId,
              PID: container?.pid ?? 0,
              ExitCode: t.exitCode ?? 0,
            },
          }
        : {}),
      PortStatus: {},
    },
    DesiredState: t.desiredState,
  };
}

/** `ServiceStatus` (`?status=true`): running tasks on nodes that are not down, and the goal. */
export function serviceStatus(world: ClusterWorld, s: SwarmService): Record<string, number> {
  const live = (t: SwarmTask): boolean =>
    t.nodeId !== null && world.nodes[t.nodeId]?.state !== 'down';
  const tasks = Object.values(world.tasks).filter((t) => t.serviceId === s.id);
  const running = tasks.filter((t) => live(t) && t.state === 'running').length;
  const desired =
    'replicated' in s.spec.mode
      ? s.spec.mode.replicated.replicas
      : tasks.filter((t) => live(t) && t.desiredState === 'running').length;
  return { RunningTasks: running, DesiredTasks: desired, CompletedTasks: 0 };
}

export function serviceJson(
  world: ClusterWorld,
  s: SwarmService,
  status: boolean,
): Record<string, unknown> {
  const u = s.updateStatus;
  return {
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: iso(world, s.createdAt),
    UpdatedAt: iso(world, s.updatedAt),
    Spec: specToApi(s.spec),
    ...(s.previousSpec ? { PreviousSpec: specToApi(s.previousSpec) } : {}),
    Endpoint: {
      Spec: {
        Mode: 'vip',
        ...(s.spec.ports.length > 0 ? { Ports: s.spec.ports.map(portJson) } : {}),
      },
      ...(s.spec.ports.length > 0 ? { Ports: s.spec.ports.map(portJson) } : {}),
    },
    ...(u
      ? {
          UpdateStatus: {
            State: u.state,
            StartedAt: iso(world, u.startedAt),
            ...(u.completedAt !== null ? { CompletedAt: iso(world, u.completedAt) } : {}),
            Message: u.message,
          },
        }
      : {}),
    ...(status ? { ServiceStatus: serviceStatus(world, s) } : {}),
  };
}

/** `Cluster` in `docker info` and the body of `GET /swarm` (without the join tokens). */
export function clusterInfoJson(world: ClusterWorld): Record<string, unknown> {
  return {
    ID: world.swarmId,
    Version: { Index: world.swarmVersion },
    CreatedAt: iso(world, world.swarmCreatedAt),
    UpdatedAt: iso(world, world.swarmCreatedAt),
    Spec: {
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: TASK_HISTORY_LIMIT },
      Raft: {
        SnapshotInterval: 10000,
        KeepOldSnapshots: 0,
        LogEntriesForSlowFollowers: 500,
        ElectionTick: ELECTION_TICK,
        HeartbeatTick: HEARTBEAT_TICK,
      },
      Dispatcher: { HeartbeatPeriod: HEARTBEAT_PERIOD_MS * 1_000_000 },
      CAConfig: { NodeCertExpiry: 7_776_000_000_000_000 },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: false },
    },
    RootRotationInProgress: false,
    DefaultAddrPool: ['10.0.0.0/8'],
    SubnetSize: 24,
    DataPathPort: 4789,
  };
}

export function swarmJson(world: ClusterWorld): Record<string, unknown> {
  return {
    ...clusterInfoJson(world),
    JoinTokens: {
      Worker: world.joinTokens?.worker ?? '',
      Manager: world.joinTokens?.manager ?? '',
    },
  };
}

/** The `filters` query: `{"name":{"web":true}}` or the older `{"name":["web"]}`. */
export function parseFilters(query: URLSearchParams): Map<string, string[]> | null {
  const raw = query.get('filters');
  const out = new Map<string, string[]>();
  if (!raw) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  for (const [key, value] of Object.entries(parsed)) {
    if (Array.isArray(value)) out.set(key, value.map(String));
    else if (typeof value === 'object' && value !== null)
      out.set(
        key,
        Object.entries(value)
          .filter(([, on]) => on === true)
          .map(([k]) => k),
      );
  }
  return out;
}

/** `_up-to-date` (the CLI's convergence filter): the task runs the service's current template. */
export function upToDate(world: ClusterWorld, t: SwarmTask): boolean {
  const s = world.services[t.serviceId];
  return s !== undefined && !isDirty(s, t);
}
