/**
 * The Swarm part of the Engine API, as the CLI reads it: shapes, filters and dockerd's and
 * SwarmKit's error texts word for word.
 */
import { describe, expect, it } from 'vitest';
import { NOT_SWARM_MANAGER } from '../api/system';
import { ClusterDriver } from './driver';
import { ERR } from './membership';

const message = (r: { body?: unknown }): string => (r.body as { message: string }).message;

function swarm(): ClusterDriver {
  const d = new ClusterDriver({ seed: 'api', nodes: 5 });
  d.form(3, 1);
  d.createService('node-1', {
    name: 'web',
    replicas: 3,
    publish: [{ published: 8080, target: 80 }],
  });
  d.advance(10_000);
  return d;
}

describe('swarm Engine API', () => {
  it('answers a machine in no swarm and a worker with dockerd\u2019s 503 texts', () => {
    const d = swarm();
    const outside = d.api('node-5', 'GET', '/nodes');
    expect(outside.status).toBe(503);
    expect(message(outside)).toBe(NOT_SWARM_MANAGER);
    const worker = d.api('node-4', 'GET', '/services');
    expect(worker.status).toBe(503);
    expect(message(worker)).toBe(ERR.notManager);
    expect(d.api('node-4', 'GET', '/containers/json').status).toBe(200);
  });

  it('refuses a second init or join, a bad token, and an unreachable manager', () => {
    const d = swarm();
    expect(message(d.init('node-2'))).toBe(ERR.exists);
    expect(message(d.join('node-4', 'worker', 'node-1'))).toBe(ERR.exists);
    const bad = d.api('node-5', 'POST', '/swarm/join', {
      RemoteAddrs: ['10.0.0.11:2377'],
      JoinToken: `SWMTKN-1-${'a'.repeat(50)}-${'b'.repeat(25)}`,
    });
    expect(bad.status).toBe(400);
    expect(message(bad)).toBe(ERR.badToken);
    expect(
      message(
        d.api('node-5', 'POST', '/swarm/join', { RemoteAddrs: ['10.0.0.11:2377'], JoinToken: 'x' }),
      ),
    ).toBe('invalid join token');
    const tokens = (d.api('node-1', 'GET', '/swarm').body as { JoinTokens: { Worker: string } })
      .JoinTokens;
    d.cluster.apply({ kind: 'powerOff', node: 'node-1' });
    const timeout = d.api('node-5', 'POST', '/swarm/join', {
      RemoteAddrs: ['10.0.0.12:2377'],
      JoinToken: tokens.Worker,
    });
    expect(d.cluster.world.nodes['node-5']!.localState).toBe('inactive');
    expect(message(timeout)).toBe(ERR.joinTimeout);
  });

  it('lists nodes, services with status, and tasks with filters, in the API\u2019s shapes', () => {
    const d = swarm();
    const nodes = d.api('node-2', 'GET', '/nodes').body as Record<string, unknown>[];
    expect(nodes).toHaveLength(4);
    expect(nodes[0]).toMatchObject({
      ID: expect.stringMatching(/^[0-9a-z]{25}$/),
      Version: { Index: expect.any(Number) },
      Spec: { Role: 'manager', Availability: 'active' },
      Description: { Hostname: 'node-1', Engine: { EngineVersion: '28.5.2' } },
      Status: { State: 'ready', Addr: '10.0.0.11' },
      ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '10.0.0.11:2377' },
    });
    const services = d.api('node-1', 'GET', '/services?status=true').body as Record<
      string,
      unknown
    >[];
    expect(services[0]).toMatchObject({
      Spec: {
        Name: 'web',
        Mode: { Replicated: { Replicas: 3 } },
        TaskTemplate: { ContainerSpec: { Image: 'nginx:latest' } },
      },
      Endpoint: {
        Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
      },
      ServiceStatus: { RunningTasks: 3, DesiredTasks: 3 },
    });
    const filters = encodeURIComponent(
      JSON.stringify({ service: { web: true }, 'desired-state': { running: true } }),
    );
    const tasks = d.api('node-1', 'GET', `/tasks?filters=${filters}`).body as Record<
      string,
      unknown
    >[];
    expect(tasks).toHaveLength(3);
    expect(tasks[0]).toMatchObject({
      ServiceID: expect.any(String),
      Slot: expect.any(Number),
      NodeID: expect.stringMatching(/^[0-9a-z]{25}$/),
      Status: {
        State: 'running',
        ContainerStatus: { ContainerID: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
      DesiredState: 'running',
    });
    const missing = d.api(
      'node-1',
      'GET',
      `/tasks?filters=${encodeURIComponent('{"service":["nope"]}')}`,
    );
    expect(missing.status).toBe(404);
    expect(message(missing)).toBe('service nope not found');
  });

  it('speaks SwarmKit\u2019s words for conflicts, stale versions and unsafe node changes', () => {
    const d = swarm();
    const dup = d.createService('node-1', { name: 'web' });
    expect(dup.status).toBe(409);
    expect(message(dup)).toBe(
      'rpc error: code = AlreadyExists desc = name conflicts with an existing object: service web already exists',
    );
    const port = d.createService('node-1', {
      name: 'api',
      publish: [{ published: 8080, target: 3000 }],
    });
    expect(message(port)).toMatch(
      /^rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' \([0-9a-z]{25}\) as an ingress port$/,
    );
    const s = d.api('node-1', 'GET', '/services/web').body as {
      ID: string;
      Version: { Index: number };
      Spec: unknown;
    };
    const stale = d.api(
      'node-1',
      'POST',
      `/services/${s.ID}/update?version=${s.Version.Index - 1}`,
      s.Spec,
    );
    expect(stale.status).toBe(500);
    expect(message(stale)).toBe(ERR.outOfSequence);
    const ready = d.api('node-1', 'DELETE', '/nodes/node-4');
    const id = d.cluster.world.nodes['node-4']!.swarmId;
    expect(message(ready)).toBe(
      `rpc error: code = FailedPrecondition desc = node ${id} is not down and can't be removed`,
    );
    const mgr = d.api('node-1', 'DELETE', '/nodes/node-2');
    expect(message(mgr)).toMatch(
      /is a cluster manager and is a member of the raft cluster\. It must be demoted to worker before removal$/,
    );
    const base =
      'You are attempting to leave the swarm on a node that is participating as a manager. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
    expect(message(d.api('node-2', 'POST', '/swarm/leave'))).toBe(base);
    expect(d.role('node-1', 'node-2', 'worker').status).toBe(200);
    expect(d.role('node-1', 'node-3', 'worker').status).toBe(200);
    const last = d.role('node-1', 'node-1', 'worker');
    expect(message(last)).toBe(
      'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm',
    );
  });

  it('warns a leaving manager when its leaving would cost the quorum', () => {
    const d = swarm();
    d.cluster.apply({ kind: 'powerOff', node: 'node-3' });
    d.advance(2000);
    expect(message(d.api('node-2', 'POST', '/swarm/leave'))).toBe(
      'You are attempting to leave the swarm on a node that is participating as a manager. Removing this node leaves 1 managers out of 3. Without a Raft quorum your swarm will be inaccessible. The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.',
    );
    const demote = d.role('node-1', 'node-2', 'worker');
    expect(message(demote)).toBe(
      "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum",
    );
  });

  it('docker service logs: every task\u2019s lines, with the swarm details the CLI asks for', () => {
    const d = swarm();
    const logs = d.api('node-1', 'GET', '/services/web/logs?stdout=1&stderr=1&details=1&follow=0');
    expect(logs.status).toBe(200);
    const frames = logs.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]!.data).toMatch(
      /^com\.docker\.swarm\.node\.id=[0-9a-z]{25},com\.docker\.swarm\.service\.id=[0-9a-z]{25},com\.docker\.swarm\.task\.id=[0-9a-z]{25} /,
    );
    expect(message(d.api('node-1', 'GET', '/services/web/logs'))).toBe(
      'Bad parameters: you must choose at least one stream',
    );
  });

  it('fills the Swarm section of docker info', () => {
    const d = swarm();
    const info = (n: string) =>
      d.api(n, 'GET', '/info').body as { Name: string; Swarm: Record<string, unknown> };
    expect(info('node-1').Name).toBe('node-1');
    expect(info('node-1').Swarm).toMatchObject({
      LocalNodeState: 'active',
      ControlAvailable: true,
      Nodes: 4,
      Managers: 3,
      NodeAddr: '10.0.0.11',
    });
    expect(info('node-4').Swarm).toMatchObject({
      LocalNodeState: 'active',
      ControlAvailable: false,
    });
    expect(info('node-4').Swarm['Nodes']).toBeUndefined();
    expect(info('node-5').Swarm).toMatchObject({ LocalNodeState: 'inactive', NodeID: '' });
  });

  it('the routing mesh: every node answers on the published port, round-robin over running tasks', () => {
    const d = swarm();
    const answers = [0, 1, 2, 3].map((i) => d.cluster.meshAnswer('node-4', 8080, i));
    expect(answers.every((a) => a !== null && a.via === 'ingress')).toBe(true);
    expect(new Set(answers.map((a) => a!.taskId)).size).toBe(3);
    expect(answers[3]!.taskId).toBe(answers[0]!.taskId);
    expect(d.cluster.meshAnswer('node-5', 8080)).toBeNull();
    expect(d.cluster.meshAnswer('node-1', 9999)).toBeNull();
  });

  it('meshRoutes gives each node the answers meshAnswer gives, connection by connection', () => {
    const d = swarm();
    // A partitioned worker reaches only its own tasks; a machine out of the swarm answers none.
    d.cluster.apply({ kind: 'partition', node: 'node-4' });
    const nodes = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5'];
    for (const port of [8080, 9999])
      for (const limit of [1, 2, 5]) {
        const routes = d.cluster.meshRoutes(port, nodes, limit);
        for (const node of nodes) {
          const expected: NonNullable<ReturnType<typeof d.cluster.meshAnswer>>[] = [];
          for (let n = 0; n < limit; n++) {
            const a = d.cluster.meshAnswer(node, port, n);
            if (!a || expected.some((e) => e.taskId === a.taskId)) break;
            expected.push(a);
          }
          expect(routes.get(node), `${node}:${port}, ${limit}`).toEqual(expected);
        }
      }
    expect(d.cluster.meshRoutes(8080, ['node-1'], 5).get('node-1')).toHaveLength(3);
  });

  it('kill -9 dockerd on a worker: its task containers do not survive the restart (no live-restore for swarm), replacements run', () => {
    const d = new ClusterDriver({ seed: 'dockerd', nodes: 3 });
    d.form(1, 2);
    d.createService('node-1', { name: 'web', replicas: 3 });
    d.advance(10_000);
    const before = d.running('web').find((t) => t.nodeId === 'node-3')!;
    d.cluster.apply({
      kind: 'host',
      node: 'node-3',
      input: { kind: 'signal', target: { service: 'dockerd' }, signal: 'SIGKILL' },
    });
    d.advance(30_000);
    // dockerd's restore stops what containerd still runs (nginx exits 0 on the stop signal).
    const old = d.cluster.world.tasks[before.id]!;
    expect(['complete', 'failed']).toContain(old.state);
    expect(old.desiredState).toBe('shutdown');
    expect(d.running('web')).toHaveLength(3);
  });
});
