/**
 * `docker service create|scale|update|rollback|rm` against a scripted swarm manager
 * (FakeSwarm): the requests are the real CLI's, in its order, and the terminal shows what the
 * real CLI shows, including the convergence progress redrawn in place as virtual time passes,
 * its Ctrl-C message, and its pipe form.
 */
import { describe, expect, it } from 'vitest';
import { fakeSwarmShell } from '../../cluster/testing';

const V = '/v1.51';
const ID = 's001xxxxxxxxxxxxxxxxxxxxx';
const TASKS = `GET ${V}/tasks?filters=%7B%22_up-to-date%22%3A%7B%22true%22%3Atrue%7D%2C%22service%22%3A%7B%22${ID}%22%3Atrue%7D%7D`;
const BAR = `[${'='.repeat(50)}>]`;

function swarm(columns = 80) {
  const made = fakeSwarmShell(columns);
  made.t.run('docker swarm init');
  return made;
}

describe('docker service create', () => {
  it('asks the registry, creates, then polls service, tasks and nodes until converged', () => {
    const { t } = swarm(120);
    const r = t.run('docker service create --name web -p 8080:80 --replicas 3 nginx', 20_000);
    expect(r.requests.slice(0, 6)).toEqual([
      'HEAD /_ping',
      `GET ${V}/distribution/nginx:latest/json`,
      `POST ${V}/services/create`,
      `GET ${V}/services/${ID}?insertDefaults=false`,
      TASKS,
      `GET ${V}/nodes`,
    ]);
    expect(r.screen).toEqual([
      ID,
      'overall progress: 3 out of 3 tasks',
      `1/3: running   ${BAR}`,
      `2/3: running   ${BAR}`,
      `3/3: running   ${BAR}`,
      `verify: Service ${ID} converged`,
    ]);
    expect(r.status).toBe(0);
    expect(r.busy).toBe(false);
  });

  it('sends the spec the CLI builds: image pinned by digest, replicas, ingress port', () => {
    const { t, sim } = swarm();
    t.run('docker service create -d --name web -p 8080:80 --replicas 3 -e A=1 nginx');
    const r = t.run("docker service inspect -f '{{json .Spec}}' web");
    expect(JSON.parse(r.stdout)).toMatchObject({
      Name: 'web',
      TaskTemplate: {
        ContainerSpec: { Image: `nginx:latest@sha256:${'d'.repeat(64)}`, Env: ['A=1'] },
        Placement: { Platforms: [{ Architecture: 'amd64', OS: 'linux' }] },
      },
      Mode: { Replicated: { Replicas: 3 } },
      EndpointSpec: {
        Mode: 'vip',
        Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }],
      },
    });
    expect(sim.now).toBeLessThan(1000);
  });

  it('on an 80-column terminal the slot lines have no bar; the screen updates as time passes', () => {
    const { t } = swarm(80);
    const started = t.run('docker service create --name web --replicas 2 nginx', 500);
    expect(started.busy).toBe(true);
    expect(started.screen).toEqual([
      ID,
      'overall progress: 0 out of 2 tasks',
      '1/2: preparing',
      '2/2: preparing',
    ]);
    const later = t.advance(1000);
    expect(later.stdout).toContain('1/2: running   \r');
    expect(later.stdout).toContain('verify: Waiting 5 seconds to verify that tasks are stable... ');
  });

  it('-d prints the ID and returns at once, without waiting', () => {
    const { t } = swarm();
    const r = t.run('docker service create -d --name web nginx');
    expect(r.stdout).toBe(`${ID}\n`);
    expect(r.requests).toHaveLength(3);
    expect(r.busy).toBe(false);
  });

  it('Ctrl-C before convergence: continuing in background, exit 0', () => {
    const { t } = swarm();
    t.run('docker service create --name web nginx', 300);
    const r = t.interrupt();
    expect(r.screen.slice(-2)).toEqual([
      'Operation continuing in background.',
      `Use \`docker service ps ${ID}\` to check progress.`,
    ]);
    expect(r.status).toBe(0);
    expect(r.busy).toBe(false);
  });

  it('into a pipe it prints as without a TTY: no bars, one line per message', () => {
    const { t } = swarm();
    const r = t.run('docker service create --name web --replicas 2 nginx | cat');
    expect(r.stdout).toBe(
      `${ID}\noverall progress: 0 out of 2 tasks\n1/2:  \n2/2:  \noverall progress: 0 out of 2 tasks\n` +
        `Operation continuing in background.\nUse \`docker service ps ${ID}\` to check progress.\n`,
    );
  });

  it('a task that fails shows its error on its slot line', () => {
    const { t, swarm: fake } = swarm();
    t.run('docker service create --name web --replicas 2 nginx', 300);
    const error =
      'starting container failed: error mounting "/data" to rootfs at "/data": no such file or directory';
    fake.failSlot(2, error);
    const r = t.advance(300);
    // One line, at most 75 characters: the CLI cuts the error and ends it with an ellipsis.
    expect(renderedSlot(r.stdout, '2/2')).toBe(`2/2: ${error.slice(0, 74)}… `);
  });

  it('refuses options the simulation does not apply, honestly', () => {
    const { t } = swarm();
    const r = t.run('docker service create --cap-add NET_ADMIN nginx');
    expect(r.stderr).toBe(
      "docker-anatomy: --cap-add of 'docker service create' is a real option that this simulation does not apply.\n",
    );
    expect(r.requests).toEqual(['HEAD /_ping']);
  });

  it('a global service gets one progress line per node', () => {
    const { t } = swarm();
    const r = t.run('docker service create --mode global --name agent alpine', 20_000);
    expect(r.screen).toEqual([
      ID,
      'overall progress: 3 out of 3 tasks',
      'n1aaaaaaaaaa: running',
      'n2bbbbbbbbbb: running',
      'n3cccccccccc: running',
      `verify: Service ${ID} converged`,
    ]);
  });
});

/** The last text written for one progress line (`2/2: ...`) in terminal output. */
function renderedSlot(stdout: string, id: string): string {
  const writes = stdout.split('\r').filter((w) => w.startsWith(`${id}: `));
  return writes.at(-1) ?? '';
}

describe('docker service scale', () => {
  it('reads each service, sends its spec back with the version, then waits for it', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web --replicas 2 nginx');
    const r = t.run('docker service scale web=4', 20_000);
    expect(r.requests.slice(0, 4)).toEqual([
      'HEAD /_ping',
      `GET ${V}/services/web?insertDefaults=false`,
      `POST ${V}/services/${ID}/update?version=11`,
      `GET ${V}/services/web?insertDefaults=false`,
    ]);
    expect(r.screen[0]).toBe('web scaled to 4');
    expect(r.screen.at(-1)).toBe('verify: Service web converged');
    expect(t.run('docker service ls').stdout).toContain('replicated   4/4');
  });

  it('errors are joined after the rest: bad value, unknown service', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    const r = t.run('docker service scale -d web=2 api=3 db=x');
    expect(r.stdout).toBe('web scaled to 2\n');
    expect(r.stderr).toBe(
      'api: Error response from daemon: service api not found\n' +
        'db: invalid replicas value x: strconv.ParseUint: parsing "x": invalid syntax\n',
    );
    expect(r.status).toBe(1);
  });

  it('a global service cannot be scaled', () => {
    const { t } = swarm();
    t.run('docker service create -d --mode global --name agent alpine');
    expect(t.run('docker service scale agent=2').stderr).toBe(
      'agent: scale can only be used with replicated or replicated-job mode\n',
    );
  });
});

describe('docker service update, rollback, rm', () => {
  it('--image asks the registry and sends registryAuthFrom=spec; the name is printed', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    const r = t.run('docker service update -d --image nginx:1.27 web');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/services/web?insertDefaults=false`,
      `GET ${V}/distribution/nginx:1.27/json`,
      `POST ${V}/services/${ID}/update?registryAuthFrom=spec&version=11`,
    ]);
    expect(r.stdout).toBe('web\n');
    expect(t.run('docker service ls').stdout).toContain('nginx:1.27');
  });

  it('--update-parallelism and --update-delay land in UpdateConfig over the defaults', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    t.run('docker service update -d --update-parallelism 2 --update-delay 10s web');
    const r = t.run("docker service inspect -f '{{json .Spec.UpdateConfig}}' web");
    expect(JSON.parse(r.stdout)).toEqual({
      Parallelism: 2,
      Delay: 10e9,
      FailureAction: 'pause',
      Monitor: 5e9,
      MaxFailureRatio: 0,
      Order: 'stop-first',
    });
  });

  it('rollback asks the daemon for the previous spec and waits', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    t.run('docker service update -d --image nginx:1.27 web');
    const r = t.run('docker service rollback web', 20_000);
    expect(r.requests[2]).toBe(`POST ${V}/services/${ID}/update?rollback=previous&version=12`);
    expect(r.screen[0]).toBe('web');
    expect(r.screen.at(-1)).toBe('verify: Service web converged');
    expect(t.run('docker service ls').stdout).toContain('nginx:latest');
  });

  it('update --rollback takes no other flag', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    const r = t.run('docker service update --rollback --image x web');
    expect(r.stderr).toBe('other flags may not be combined with --rollback\n');
  });

  it('rm prints each name it removed and the errors after', () => {
    const { t } = swarm();
    t.run('docker service create -d --name web nginx');
    const r = t.run('docker service rm web api');
    expect(r.stdout).toBe('web\n');
    expect(r.stderr).toBe('Error response from daemon: service api not found\n');
    expect(r.status).toBe(1);
  });
});
