/**
 * A lesson's checks, read on worlds made by typing real commands: each says whether the task
 * is done, and if not, the sentence a learner reads about what is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ShellHarness } from '../cli/shell/testing';
import { evaluate, type LessonView } from './checks';
import { runToEnd } from './rehearse';
import { parseLesson, type Check, type LessonInput } from './schema';
import { headlessStage, viewOf, type Stage } from './stage';

const OK = { ok: true, missing: '' };
const no = (missing: string) => ({ ok: false, missing });

describe('host checks', () => {
  let h: ShellHarness;
  let view: LessonView;

  beforeAll(() => {
    h = new ShellHarness();
    for (const line of [
      'docker network create appnet',
      'docker run -d --name cache --network appnet -p 8080:80 --restart always --init nginx',
      'docker run -d --name plain nginx',
      'docker volume create data',
      'echo hi > /root/note.txt',
    ]) {
      const ran = h.run(line, 10_000);
      expect(ran.status, `${line}: ${ran.stderr}`).toBe(0);
    }
    view = { host: h.sim.world };
  });

  const check = (c: Check) => evaluate(c, view);

  it('restartPolicy reads the policy a container was run with', () => {
    expect(check({ kind: 'restartPolicy', name: 'cache', policy: 'always' })).toEqual(OK);
    expect(check({ kind: 'restartPolicy', name: 'plain', policy: 'always' })).toEqual(
      no('container plain has restart policy no, not always'),
    );
    expect(check({ kind: 'restartPolicy', name: 'ghost', policy: 'always' })).toEqual(
      no('there is no container named ghost'),
    );
  });

  it('init reads whether a container runs with --init', () => {
    expect(check({ kind: 'init', name: 'cache', enabled: true })).toEqual(OK);
    expect(check({ kind: 'init', name: 'plain', enabled: false })).toEqual(OK);
    expect(check({ kind: 'init', name: 'plain', enabled: true })).toEqual(
      no('container plain runs without --init'),
    );
    expect(check({ kind: 'init', name: 'cache', enabled: false })).toEqual(
      no('container cache runs with --init'),
    );
  });

  it('volume reads whether a named volume exists', () => {
    expect(check({ kind: 'volume', name: 'data', present: true })).toEqual(OK);
    expect(check({ kind: 'volume', name: 'logs', present: false })).toEqual(OK);
    expect(check({ kind: 'volume', name: 'logs', present: true })).toEqual(
      no('there is no volume logs'),
    );
    expect(check({ kind: 'volume', name: 'data', present: false })).toEqual(
      no('volume data still exists'),
    );
  });

  it('network reads whether a network exists', () => {
    expect(check({ kind: 'network', name: 'appnet', present: true })).toEqual(OK);
    expect(check({ kind: 'network', name: 'backend', present: true })).toEqual(
      no('there is no network backend'),
    );
    expect(check({ kind: 'network', name: 'appnet', present: false })).toEqual(
      no('network appnet still exists'),
    );
  });

  it('attached reads which network a container is on', () => {
    expect(check({ kind: 'attached', name: 'cache', network: 'appnet' })).toEqual(OK);
    expect(check({ kind: 'attached', name: 'plain', network: 'bridge' })).toEqual(OK);
    expect(check({ kind: 'attached', name: 'plain', network: 'appnet' })).toEqual(
      no('container plain is not on network appnet'),
    );
    expect(check({ kind: 'attached', name: 'cache', network: 'backend' })).toEqual(
      no('container cache is not on network backend'),
    );
    expect(check({ kind: 'attached', name: 'ghost', network: 'appnet' })).toEqual(
      no('there is no container named ghost'),
    );
  });

  it('published reads the host port a running container publishes', () => {
    expect(check({ kind: 'published', name: 'cache', hostPort: 8080 })).toEqual(OK);
    expect(check({ kind: 'published', name: 'cache', hostPort: 9090 })).toEqual(
      no('container cache does not publish host port 9090'),
    );
    expect(check({ kind: 'published', name: 'plain', hostPort: 8080 })).toEqual(
      no('container plain does not publish host port 8080'),
    );
  });

  it('file reads what a host file contains', () => {
    expect(check({ kind: 'file', path: '/root/note.txt', contains: 'hi' })).toEqual(OK);
    expect(check({ kind: 'file', path: '/root/note.txt', contains: 'bye' })).toEqual(
      no('/root/note.txt does not contain bye'),
    );
    expect(check({ kind: 'file', path: '/root/other.txt', contains: 'hi' })).toEqual(
      no('there is no file /root/other.txt'),
    );
  });

  it('all holds when every part does, else says the first that does not', () => {
    expect(
      check({
        kind: 'all',
        checks: [
          { kind: 'network', name: 'appnet', present: true },
          { kind: 'attached', name: 'cache', network: 'appnet' },
        ],
      }),
    ).toEqual(OK);
    expect(
      check({
        kind: 'all',
        checks: [
          { kind: 'network', name: 'appnet', present: true },
          { kind: 'volume', name: 'logs', present: true },
          { kind: 'network', name: 'backend', present: true },
        ],
      }),
    ).toEqual(no('there is no volume logs'));
  });

  it('any holds when one part does, else says what each is missing', () => {
    expect(
      check({
        kind: 'any',
        checks: [
          { kind: 'volume', name: 'logs', present: true },
          { kind: 'network', name: 'appnet', present: true },
        ],
      }),
    ).toEqual(OK);
    expect(
      check({
        kind: 'any',
        checks: [
          { kind: 'volume', name: 'logs', present: true },
          { kind: 'network', name: 'backend', present: true },
        ],
      }),
    ).toEqual(no('there is no volume logs; or there is no network backend'));
  });

  it('a Swarm or Kubernetes check on a host lesson says what lesson it needs', () => {
    expect(check({ kind: 'service', name: 'web', running: 1 })).toEqual(
      no('this check needs a Swarm lesson'),
    );
    expect(check({ kind: 'node', node: 'node-1', state: 'ready' })).toEqual(
      no('this check needs a Swarm lesson'),
    );
    expect(check({ kind: 'deployment', name: 'web', ready: 1 })).toEqual(
      no('this check needs a Kubernetes lesson'),
    );
  });

  it('a host check without a host says it needs one', () => {
    expect(evaluate({ kind: 'volume', name: 'data', present: true }, {})).toEqual(
      no('this check needs a host'),
    );
  });
});

describe('published', () => {
  it('does not hold for a container that publishes the port but is stopped', () => {
    const h = new ShellHarness();
    h.run('docker run -d --name web -p 8080:80 nginx', 10_000);
    const check: Check = { kind: 'published', name: 'web', hostPort: 8080 };
    expect(evaluate(check, { host: h.sim.world })).toEqual(OK);
    h.run('docker stop web', 20_000);
    expect(evaluate(check, { host: h.sim.world })).toEqual(
      no('container web does not publish host port 8080'),
    );
  });
});

describe('traced', () => {
  it('holds once a matching message is sent after the step began, API version aside', () => {
    const h = new ShellHarness();
    h.run('docker network create appnet');
    const since = h.sim.trace.length;
    const view = () => ({ host: h.sim.world, trace: h.sim.trace.slice(since) });
    const listed: Check = {
      kind: 'traced',
      message: 'http-request',
      label: 'GET /containers/json',
    };
    // Sent before the step began: does not count.
    const created: Check = { kind: 'traced', message: 'http-request', label: '/networks/create' };
    expect(evaluate(listed, view())).toEqual(
      no('no http-request "GET /containers/json" has been sent yet'),
    );
    expect(evaluate(created, view())).toEqual(
      no('no http-request "/networks/create" has been sent yet'),
    );
    h.run('docker ps');
    expect(evaluate(listed, view())).toEqual(OK);
    // The same label as another kind of message was not sent.
    expect(evaluate({ ...listed, message: 'grpc' }, view())).toEqual(
      no('no grpc "GET /containers/json" has been sent yet'),
    );
  });
});

function lesson(start: LessonInput['start']) {
  const parsed = parseLesson({
    schemaVersion: 1,
    id: 'checks-test',
    title: 'Checks',
    summary: 'A world to check.',
    level: 'beginner',
    minutes: 5,
    start,
    steps: [{ id: 'look', narration: 'Look around.' }],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lesson;
}

function staged(start: LessonInput['start']): Stage {
  const l = lesson(start);
  const stage = headlessStage(l);
  for (const line of l.start.setup) expect(runToEnd(stage, line)).toBe(true);
  return stage;
}

describe('swarm checks', () => {
  let stage: Stage;
  const check = (c: Check) => evaluate(c, viewOf(stage.worlds, 0));

  beforeAll(() => {
    stage = staged({
      world: 'swarm',
      managers: 3,
      workers: 2,
      setup: ['docker service create --name web --replicas 5 nginx', 'sleep 10'],
    });
  });

  it('service counts running tasks, node reads a machine', () => {
    expect(check({ kind: 'service', name: 'web', running: 5 })).toEqual(OK);
    expect(check({ kind: 'service', name: 'web', running: 6 })).toEqual(
      no('service web has 5 running tasks, not 6'),
    );
    expect(check({ kind: 'service', name: 'api', running: 1 })).toEqual(
      no('there is no service named api'),
    );
    expect(check({ kind: 'node', node: 'node-5', state: 'ready' })).toEqual(OK);
    expect(check({ kind: 'node', node: 'node-5', state: 'down' })).toEqual(
      no('node-5 is ready, not down'),
    );
    expect(check({ kind: 'node', node: 'node-9', state: 'ready' })).toEqual(
      no('there is no machine named node-9'),
    );
  });

  it('does not count a task on a node the managers marked down, though the store says running', () => {
    const cluster = stage.worlds.cluster;
    if (!cluster) throw new Error('no cluster');
    const onNode5 = () =>
      Object.values(cluster.world.tasks).filter(
        (t) => t.nodeId === 'node-5' && t.state === 'running',
      );
    expect(onNode5().length).toBeGreaterThan(0);
    stage.run({ fault: 'powerOff', node: 'node-5' });
    for (let waited = 0; cluster.world.nodes['node-5']?.state !== 'down'; waited += 100) {
      if (waited > 60_000) throw new Error('node-5 was never marked down');
      stage.advance(100);
    }
    expect(check({ kind: 'node', node: 'node-5', state: 'down' })).toEqual(OK);
    // The store still says its task runs: nobody has heard from node-5 since.
    expect(onNode5().length).toBe(1);
    const running = Object.values(cluster.world.tasks).filter((t) => t.state === 'running');
    expect(running).toHaveLength(5);
    expect(check({ kind: 'service', name: 'web', running: 5 })).toEqual(
      no('service web has 4 running tasks, not 5'),
    );
    expect(check({ kind: 'service', name: 'web', running: 4 })).toEqual(OK);
  });

  it('a Kubernetes check on a Swarm lesson says it needs a Kubernetes lesson', () => {
    expect(check({ kind: 'deployment', name: 'web', ready: 1 })).toEqual(
      no('this check needs a Kubernetes lesson'),
    );
  });
});

describe('kubernetes checks', () => {
  let stage: Stage;
  const check = (c: Check) => evaluate(c, viewOf(stage.worlds, 0));

  beforeAll(() => {
    stage = staged({
      world: 'kubernetes',
      workers: 2,
      setup: ['kubectl create deployment web --image=nginx --replicas=2', 'sleep 20'],
    });
  });

  it('deployment counts ready pods', () => {
    expect(check({ kind: 'deployment', name: 'web', ready: 2 })).toEqual(OK);
    expect(check({ kind: 'deployment', name: 'web', ready: 3 })).toEqual(
      no('deployment web has 2 ready pods, not 3'),
    );
    expect(check({ kind: 'deployment', name: 'api', ready: 1 })).toEqual(
      no('there is no deployment named api'),
    );
  });

  it('does not count pods that are not ready yet', () => {
    const starting = staged({
      world: 'kubernetes',
      workers: 2,
      setup: ['kubectl create deployment web --image=nginx --replicas=2'],
    });
    const kube = starting.worlds.kube;
    if (!kube) throw new Error('no kube cluster');
    const pods = Object.values(kube.world.pods).filter((p) => p.name.startsWith('web-'));
    expect(pods).toHaveLength(2);
    expect(pods.some((p) => p.ready)).toBe(false);
    const ready2: Check = { kind: 'deployment', name: 'web', ready: 2 };
    expect(evaluate(ready2, viewOf(starting.worlds, 0))).toEqual(
      no('deployment web has 0 ready pods, not 2'),
    );
    starting.advance(20_000);
    expect(evaluate(ready2, viewOf(starting.worlds, 0))).toEqual(OK);
  });

  it('swarm and host checks on a Kubernetes lesson say what they need', () => {
    expect(check({ kind: 'service', name: 'web', running: 2 })).toEqual(
      no('this check needs a Swarm lesson'),
    );
    expect(check({ kind: 'container', name: 'web', state: 'running' })).toEqual(
      no('this check needs a host'),
    );
  });
});
