/**
 * Test double: a small, scripted Swarm manager that answers the swarm routes (`/swarm`,
 * `/nodes`, `/services`, `/tasks`, `/distribution`, and the Swarm part of `/info`) with the
 * JSON shapes dockerd sends, so the CLI's requests and printing can be tested on their own,
 * apart from src/sim/cluster. Everything else goes to a real single-host Simulation.
 *
 * Contract: deterministic. A task's state follows from its age in virtual time (new, pending,
 * assigned, accepted, preparing, starting, then running at 1.2 s) unless a test pins it with
 * `failSlot`; an update replaces every task at once. Not a model of SwarmKit: the cluster
 * simulation is; this only has to look like a manager's answers.
 */
import type { ApiRequest, ApiResponse } from '../../sim/api/types';
import type { Simulation } from '../../sim/simulation';
import type { ApiService, ApiServiceSpec, ApiTask } from '../docker/commands/swarmApi';
import { error, FakeNodes, json } from './fakeSwarmNodes';

const STATES: readonly (readonly [number, string])[] = [
  [0, 'new'],
  [100, 'pending'],
  [200, 'assigned'],
  [300, 'accepted'],
  [400, 'preparing'],
  [1000, 'starting'],
  [1200, 'running'],
];

const NOT_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

interface FakeTask {
  id: string;
  serviceId: string;
  slot: number;
  nodeId: string;
  createdAt: number;
  desired: 'running' | 'shutdown';
  endedAt: number | null;
  error: string;
  image: string;
}

interface FakeService {
  id: string;
  version: number;
  spec: ApiServiceSpec;
  previous: ApiServiceSpec | null;
  createdAt: number;
  updateState: string | null;
}

/** The spec as dockerd stores it: a replicated service without a count has 1 replica. */
function stored(spec: ApiServiceSpec): ApiServiceSpec {
  const replicated = spec.Mode?.Replicated;
  if (!replicated || replicated.Replicas !== undefined) return spec;
  return { ...spec, Mode: { Replicated: { Replicas: 1 } } };
}

export class FakeSwarm {
  active = false;
  readonly nodes = new FakeNodes(
    (ms) => this.time(ms),
    () => ++this.version,
  );
  private readonly services: FakeService[] = [];
  private readonly tasks: FakeTask[] = [];
  private nextId = 1;
  private version = 10;

  constructor(private readonly sim: Simulation) {}

  private time(ms: number): string {
    return new Date(this.sim.world.epochMs + ms).toISOString();
  }

  private id(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(3, '0')}`.padEnd(25, 'x');
  }

  /** Pins a slot's task to a failure, as a task whose container could not start. */
  failSlot(slot: number, message: string): void {
    for (const t of this.tasks) if (t.slot === slot && t.desired === 'running') t.error = message;
  }

  private taskJson(t: FakeTask): ApiTask {
    const age = this.sim.now - t.createdAt;
    let state = [...STATES].reverse().find(([at]) => age >= at)?.[1] ?? 'new';
    let at = t.createdAt + ([...STATES].reverse().find(([a]) => age >= a)?.[0] ?? 0);
    if (t.error) state = 'failed';
    if (t.endedAt !== null) [state, at] = ['shutdown', t.endedAt];
    return {
      ID: t.id,
      ServiceID: t.serviceId,
      Slot: t.slot,
      NodeID: t.nodeId,
      CreatedAt: this.time(t.createdAt),
      DesiredState: t.desired,
      Spec: { ContainerSpec: { Image: t.image } },
      Status: { State: state, Timestamp: this.time(at), Err: t.error },
    };
  }

  private serviceJson(s: FakeService): ApiService {
    const mine = this.tasks.filter((t) => t.serviceId === s.id && t.desired === 'running');
    const running = mine.filter((t) => this.taskJson(t).Status?.State === 'running').length;
    // Like SwarmKit's updater: done once the new tasks have run for the monitor period (5 s).
    const newest = Math.max(0, ...mine.map((t) => t.createdAt));
    if (s.updateState === 'updating' && running === mine.length && this.sim.now - newest >= 6200)
      s.updateState = 'completed';
    return {
      ID: s.id,
      Version: { Index: s.version },
      CreatedAt: this.time(s.createdAt),
      Spec: s.spec,
      ...(s.previous ? { PreviousSpec: s.previous } : {}),
      Endpoint: { Ports: (s.spec.EndpointSpec?.Ports ?? []).map((p) => ({ ...p })) },
      ...(s.updateState
        ? { UpdateStatus: { State: s.updateState, Message: 'update ' + s.updateState } }
        : {}),
      ServiceStatus: { RunningTasks: running, DesiredTasks: mine.length },
    };
  }

  private find(ref: string): FakeService | undefined {
    return (
      this.services.find((s) => s.id === ref || s.spec.Name === ref) ??
      this.services.find((s) => s.id.startsWith(ref))
    );
  }

  /** Makes the tasks the spec asks for: one per slot (replicated) or per node (global). */
  private schedule(s: FakeService): void {
    for (const t of this.tasks)
      if (t.serviceId === s.id && t.desired === 'running') {
        t.desired = 'shutdown';
        t.endedAt = this.sim.now;
      }
    const global = s.spec.Mode?.Global !== undefined;
    const count = global ? this.nodes.ids.length : (s.spec.Mode?.Replicated?.Replicas ?? 1);
    for (let i = 0; i < count; i++)
      this.tasks.push({
        id: this.id('t'),
        serviceId: s.id,
        slot: global ? 0 : i + 1,
        nodeId: this.nodes.ids[i % this.nodes.ids.length] ?? '',
        createdAt: this.sim.now,
        desired: 'running',
        endedAt: null,
        error: '',
        image: s.spec.TaskTemplate?.ContainerSpec?.Image ?? '',
      });
  }

  /** Answers a swarm route, or null to let the host answer. */
  answer(method: string, path: string, query: URLSearchParams, body: unknown): ApiResponse | null {
    if (method === 'GET' && path.startsWith('/distribution/'))
      return json(200, {
        Descriptor: {
          mediaType: 'application/vnd.oci.image.index.v1+json',
          digest: `sha256:${'d'.repeat(64)}`,
          size: 10229,
        },
        Platforms: [{ architecture: 'amd64', os: 'linux' }],
      });
    if (method === 'POST' && path === '/swarm/init') {
      if (this.active)
        return error(
          503,
          'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
        );
      this.active = true;
      return json(200, this.nodes.ids[0]);
    }
    if (!/^\/(swarm|nodes|services|tasks)/.test(path)) return null;
    if (!this.active) return error(503, NOT_MANAGER);
    const filters = JSON.parse(query.get('filters') ?? '{}') as Record<
      string,
      Record<string, boolean>
    >;
    const has = (key: string, value: string | undefined): boolean =>
      !filters[key] || (value !== undefined && filters[key][value] === true);
    if (method === 'GET' && path === '/swarm')
      return json(200, {
        ID: 'swarmid',
        Version: { Index: this.version },
        Spec: { Name: 'default' },
        JoinTokens: { Worker: 'SWMTKN-1-worker', Manager: 'SWMTKN-1-manager' },
      });
    if (method === 'POST' && path === '/swarm/leave') {
      if (query.get('force') !== '1')
        return error(
          503,
          'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ',
        );
      this.active = false;
      return json(200, null);
    }
    if (path.startsWith('/nodes')) return this.nodes.answer(method, path, query, body);
    if (method === 'GET' && path === '/services')
      return json(
        200,
        this.services
          .filter((s) => has('id', s.id) && has('name', s.spec.Name))
          .map((s) => this.serviceJson(s)),
      );
    if (method === 'POST' && path === '/services/create') {
      const spec = body as ApiServiceSpec;
      const s: FakeService = {
        id: this.id('s'),
        version: ++this.version,
        spec: stored({ ...spec, Name: spec.Name || 'hopeful_bell' }),
        previous: null,
        createdAt: this.sim.now,
        updateState: null,
      };
      this.services.push(s);
      this.schedule(s);
      return json(201, { ID: s.id });
    }
    const serviceMatch = /^\/services\/([^/]+)(\/update)?$/.exec(path);
    const service = serviceMatch ? this.find(serviceMatch[1] ?? '') : undefined;
    if (serviceMatch && !service) return error(404, `service ${serviceMatch[1]} not found`);
    if (service && method === 'GET') return json(200, this.serviceJson(service));
    if (service && method === 'DELETE') {
      this.services.splice(this.services.indexOf(service), 1);
      return json(200, null);
    }
    if (service && method === 'POST') {
      if (Number(query.get('version')) !== service.version)
        return error(500, 'update out of sequence');
      const rollback = query.get('rollback') === 'previous';
      if (rollback && !service.previous) return error(500, 'service does not have a previous spec');
      const next = rollback ? (service.previous ?? service.spec) : stored(body as ApiServiceSpec);
      service.previous = service.spec;
      service.spec = next;
      service.version = ++this.version;
      service.updateState = 'updating';
      this.schedule(service);
      return json(200, { Warnings: null });
    }
    if (method === 'GET' && path === '/tasks')
      return json(
        200,
        this.tasks
          .filter(
            (t) =>
              has('service', t.serviceId) &&
              has('node', t.nodeId) &&
              has('desired-state', t.desired),
          )
          .map((t) => this.taskJson(t)),
      );
    return null;
  }
}

/** Routes one request: the fake for swarm routes, the Simulation for the rest. */
export function fakeRequest(swarm: FakeSwarm, sim: Simulation, request: ApiRequest): ApiResponse {
  const [rawPath = '', rawQuery = ''] = request.path.split('?', 2);
  const path = rawPath.replace(/^\/v\d+\.\d+/, '');
  const answer = swarm.answer(
    request.method.toUpperCase(),
    path,
    new URLSearchParams(rawQuery),
    request.body,
  );
  if (answer) return answer;
  const response = sim.request(request);
  if (path === '/info' && swarm.active && response.status === 200) {
    const body = response.body as Record<string, unknown>;
    return {
      ...response,
      body: {
        ...body,
        Swarm: { LocalNodeState: 'active', NodeID: swarm.nodes.ids[0], ControlAvailable: true },
      },
    };
  }
  return response;
}
