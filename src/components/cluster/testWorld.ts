/**
 * ClusterWorld fixtures for the cluster view's tests: a swarm of `managers` + `workers` ready
 * nodes (node-1 leads), services, tasks placed by hand, and an English `t`. Test code only.
 */
import i18next, { type TFunction } from 'i18next';
import en from '../../i18n/locales/en.json';
import { DEFAULT_RESTART, DEFAULT_STOP_GRACE_MS, DEFAULT_UPDATE } from '../../sim/cluster/defaults';
import type {
  ClusterWorld,
  ServiceSpec,
  SwarmNode,
  SwarmService,
  SwarmTask,
} from '../../sim/cluster/types';

export function node(
  index: number,
  role: 'manager' | 'worker' | null,
  extra: Partial<SwarmNode> = {},
): SwarmNode {
  const addr = `10.0.0.${10 + index}`;
  return {
    id: `node-${index}`,
    swarmId: role === null ? null : `swarmnode${index}`.padEnd(25, '0'),
    hostname: `node-${index}`,
    addr,
    role,
    localState: role === null ? 'inactive' : 'active',
    availability: 'active',
    state: role === null ? 'unknown' : 'ready',
    managerStatus:
      role === 'manager'
        ? { leader: index === 1, reachability: 'reachable', addr: `${addr}:2377` }
        : null,
    machine: 'up',
    lastHeartbeat: 0,
    heartbeatDeadline: null,
    statusMessage: '',
    labels: {},
    version: 1,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

export function service(
  id: string,
  name: string,
  mode: ServiceSpec['mode'],
  createdAt = 0,
): SwarmService {
  return {
    id,
    version: 10,
    specVersion: 10,
    createdAt,
    updatedAt: createdAt,
    spec: {
      name,
      image: 'nginx:latest',
      command: null,
      env: [],
      mode,
      ports: [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }],
      updateConfig: DEFAULT_UPDATE,
      labels: {},
      rollbackConfig: DEFAULT_UPDATE,
      restart: DEFAULT_RESTART,
      stopGracePeriod: DEFAULT_STOP_GRACE_MS,
      forceUpdate: 0,
    },
    previousSpec: null,
    updateStatus: null,
  };
}

let nextTask = 0;
export function task(
  serviceId: string,
  slot: number,
  nodeId: string | null,
  extra: Partial<SwarmTask> = {},
): SwarmTask {
  nextTask += 1;
  return {
    id: `task${String(nextTask).padStart(4, '0')}`,
    serviceId,
    slot,
    nodeId,
    specVersion: 10,
    template: {
      image: 'nginx:latest',
      command: null,
      env: [],
      restart: DEFAULT_RESTART,
      stopGracePeriod: DEFAULT_STOP_GRACE_MS,
      forceUpdate: 0,
      ports: [],
    },
    desiredState: 'running',
    state: 'running',
    stateAt: 0,
    error: '',
    containerId: null,
    exitCode: null,
    message: '',
    createdAt: 0,
    version: 1,
    startAfter: null,
    waitFor: null,
    ...extra,
  };
}

/** A swarm of ready nodes, managers first; node-1 is the leader at term 1. */
export function swarm(managers: number, workers: number, now = 10_000): ClusterWorld {
  const nodes = [
    ...Array.from({ length: managers }, (_, i) => node(i + 1, 'manager')),
    ...Array.from({ length: workers }, (_, i) => node(managers + i + 1, 'worker')),
  ];
  return {
    now,
    epochMs: 0,
    swarmId: managers > 0 ? 'swarm0000000000000000000000' : null,
    swarmCreatedAt: 0,
    swarmVersion: 1,
    joinTokens: null,
    nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
    raft: {
      term: managers > 0 ? 1 : 0,
      leader: managers > 0 ? 'node-1' : null,
      members: nodes.filter((n) => n.role === 'manager').map((n) => n.id),
      peers: {},
    },
    services: {},
    tasks: {},
    updates: {},
    index: 1,
  };
}

/** Adds services and tasks to a world (returns it for chaining). */
export function withTasks(
  world: ClusterWorld,
  services: SwarmService[],
  tasks: SwarmTask[],
): ClusterWorld {
  for (const s of services) world.services[s.id] = s;
  for (const t of tasks) world.tasks[t.id] = t;
  return world;
}

/** English `t`, loaded synchronously, for tests of the text functions. */
export function englishT(): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'en',
    resources: { en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
