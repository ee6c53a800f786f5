/**
 * The Engine API's ServiceSpec JSON (`POST /services/create`, `/services/{id}/update`) to and
 * from the cluster's ServiceSpec. Durations travel as nanoseconds. A missing UpdateConfig or
 * RollbackConfig gets SwarmKit's defaults; a given one takes Go's zero values for what it
 * leaves out (Parallelism 0 = all at once), except Monitor, whose zero means the default 5 s.
 */
import { asNumber, asRecord, asString, asStringArray } from '../api/http';
import { DEFAULT_RESTART, DEFAULT_STOP_GRACE_MS, DEFAULT_UPDATE } from './defaults';
import type { PortConfig, RestartPolicy, ServiceSpec, UpdateConfig } from './types';

const NS_PER_MS = 1_000_000;

const ms = (ns: unknown, fallback: number): number => {
  const n = asNumber(ns);
  return n === undefined ? fallback : Math.round(n / NS_PER_MS);
};

export type ParsedSpec =
  { ok: true; spec: ServiceSpec } | { ok: false; status: number; message: string };

function updateConfig(raw: unknown): UpdateConfig {
  if (raw === undefined || raw === null) return DEFAULT_UPDATE;
  const r = asRecord(raw);
  const action = asString(r['FailureAction']);
  const order = asString(r['Order']);
  const monitor = ms(r['Monitor'], 0);
  return {
    parallelism: asNumber(r['Parallelism']) ?? 0,
    delay: ms(r['Delay'], 0),
    failureAction: action === 'continue' || action === 'rollback' ? action : 'pause',
    monitor: monitor > 0 ? monitor : DEFAULT_UPDATE.monitor,
    maxFailureRatio: asNumber(r['MaxFailureRatio']) ?? 0,
    order: order === 'start-first' ? 'start-first' : 'stop-first',
  };
}

function restartPolicy(raw: unknown): RestartPolicy {
  if (raw === undefined || raw === null) return DEFAULT_RESTART;
  const r = asRecord(raw);
  const c = asString(r['Condition']);
  return {
    condition: c === 'none' || c === 'on-failure' ? c : 'any',
    delay: ms(r['Delay'], DEFAULT_RESTART.delay),
    maxAttempts: asNumber(r['MaxAttempts']) ?? 0,
  };
}

function ports(raw: unknown): PortConfig[] {
  const list = Array.isArray(raw) ? raw : [];
  return list.map((p) => {
    const r = asRecord(p);
    return {
      protocol: asString(r['Protocol']) === 'udp' ? 'udp' : 'tcp',
      targetPort: asNumber(r['TargetPort']) ?? 0,
      publishedPort: asNumber(r['PublishedPort']) ?? 0,
      publishMode: asString(r['PublishMode']) === 'host' ? 'host' : 'ingress',
    };
  });
}

/** Parses a ServiceSpec body; `name` fills in a missing Name (SwarmKit picks a random one). */
export function specFromApi(body: unknown, name: () => string): ParsedSpec {
  const b = asRecord(body);
  const task = asRecord(b['TaskTemplate']);
  const container = asRecord(task['ContainerSpec']);
  const image = asString(container['Image']) ?? '';
  if (image === '')
    return {
      ok: false,
      status: 400,
      message:
        'rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided',
    };
  const mode = asRecord(b['Mode']);
  const replicas = asNumber(asRecord(mode['Replicated'])['Replicas']);
  const spec: ServiceSpec = {
    name: asString(b['Name']) || name(),
    image,
    command: asStringArray(container['Args']),
    env: asStringArray(container['Env']) ?? [],
    mode: 'Global' in mode ? { global: true } : { replicated: { replicas: replicas ?? 1 } },
    ports: ports(asRecord(b['EndpointSpec'])['Ports']),
    updateConfig: updateConfig(b['UpdateConfig']),
    labels: Object.fromEntries(
      Object.entries(asRecord(b['Labels'])).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    ),
    rollbackConfig: updateConfig(b['RollbackConfig']),
    restart: restartPolicy(task['RestartPolicy']),
    stopGracePeriod: ms(container['StopGracePeriod'], DEFAULT_STOP_GRACE_MS),
    forceUpdate: asNumber(task['ForceUpdate']) ?? 0,
  };
  return { ok: true, spec };
}

function updateConfigJson(u: UpdateConfig): Record<string, unknown> {
  return {
    Parallelism: u.parallelism,
    ...(u.delay > 0 ? { Delay: u.delay * NS_PER_MS } : {}),
    FailureAction: u.failureAction,
    Monitor: u.monitor * NS_PER_MS,
    MaxFailureRatio: u.maxFailureRatio,
    Order: u.order,
  };
}

export function portJson(p: PortConfig): Record<string, unknown> {
  return {
    Protocol: p.protocol,
    TargetPort: p.targetPort,
    PublishedPort: p.publishedPort,
    PublishMode: p.publishMode,
  };
}

/** The task template part of a spec, as `Spec.TaskTemplate` (also each task's `Spec`). */
export function taskTemplateJson(t: {
  image: string;
  command: readonly string[] | null;
  env: readonly string[];
  restart: RestartPolicy;
  stopGracePeriod: number;
  forceUpdate: number;
}): Record<string, unknown> {
  return {
    ContainerSpec: {
      Image: t.image,
      ...(t.command ? { Args: t.command } : {}),
      ...(t.env.length > 0 ? { Env: t.env } : {}),
      Init: false,
      StopGracePeriod: t.stopGracePeriod * NS_PER_MS,
      DNSConfig: {},
      Isolation: 'default',
    },
    Resources: { Limits: {}, Reservations: {} },
    RestartPolicy: {
      Condition: t.restart.condition,
      Delay: t.restart.delay * NS_PER_MS,
      MaxAttempts: t.restart.maxAttempts,
    },
    Placement: { Platforms: [{ Architecture: 'amd64', OS: 'linux' }] },
    ForceUpdate: t.forceUpdate,
    Runtime: 'container',
  };
}

export function specToApi(s: ServiceSpec): Record<string, unknown> {
  return {
    Name: s.name,
    Labels: s.labels,
    TaskTemplate: taskTemplateJson(s),
    Mode:
      'global' in s.mode
        ? { Global: {} }
        : { Replicated: { Replicas: s.mode.replicated.replicas } },
    UpdateConfig: updateConfigJson(s.updateConfig),
    RollbackConfig: updateConfigJson(s.rollbackConfig),
    EndpointSpec: { Mode: 'vip', ...(s.ports.length > 0 ? { Ports: s.ports.map(portJson) } : {}) },
  };
}
