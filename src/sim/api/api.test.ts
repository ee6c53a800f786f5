/**
 * The Engine API as the real docker CLI uses it (ENGINE-API.md): request sequences, answer
 * shapes, status codes and dockerd's messages; and what the commands do (FACTS.md §3, §8).
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../testing/driver';
import type { ApiResponse, PendingWait, StdioFrame } from './types';

const HEX64 = /^[0-9a-f]{64}$/;

function message(r: ApiResponse): string {
  return (r.body as { message?: string } | undefined)?.message ?? '';
}

function statusLines(r: ApiResponse): string[] {
  return (r.stream ?? []).map((line) => (line as { status?: string }).status ?? '');
}

/** `docker create` as the CLI sends it (after a pull), returning the new ID. */
function create(d: Driver, body: Record<string, unknown>, name?: string): string {
  const r = d.api('POST', `/containers/create${name ? `?name=${name}` : ''}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as { Id: string }).Id;
}

/** Names of the volumes `docker volume ls` lists. */
function volumeNames(d: Driver): string[] {
  const body = d.api('GET', '/volumes').body as { Volumes: { Name: string }[] };
  return body.Volumes.map((v) => v.Name);
}

/** The HTTP status line the trace shows for the last response. */
function lastStatusLine(d: Driver): string | undefined {
  return d.sim.trace.filter((e) => e.kind === 'http-response').at(-1)?.label;
}

describe('every command starts with a ping', () => {
  it('HEAD and GET /_ping (no version prefix) answer 200 with Api-Version', () => {
    const d = new Driver();
    for (const method of ['HEAD', 'GET']) {
      const r = d.sim.request({ method, path: '/_ping' });
      expect(r.status).toBe(200);
      expect(r.headers['Api-Version']).toBe('1.51');
    }
  });

  it('each era announces its own API version', () => {
    expect(
      new Driver({ era: 'split' }).sim.request({ method: 'GET', path: '/_ping' }).headers[
        'Api-Version'
      ],
    ).toBe('1.38');
    expect(
      new Driver({ era: 'monolith' }).sim.request({ method: 'GET', path: '/_ping' }).headers[
        'Api-Version'
      ],
    ).toBe('1.22');
  });
});

describe('versions and routes', () => {
  it('a client version above the server maximum is a 400 with dockerd’s words', () => {
    const d = new Driver();
    const r = d.sim.request({ method: 'GET', path: '/v1.99/version' });
    expect(r.status).toBe(400);
    expect(message(r)).toBe(
      'client version 1.99 is too new. Maximum supported API version is 1.51',
    );
  });

  it('a client version below the minimum is a 400 asking to upgrade', () => {
    const d = new Driver();
    const r = d.sim.request({ method: 'GET', path: '/v1.12/version' });
    expect(r.status).toBe(400);
    expect(message(r)).toBe(
      'client version 1.12 is too old. Minimum supported API version is 1.24, please upgrade your client to a newer version',
    );
  });

  it('an unknown route is a 404 "page not found"; the CLI falls back to /v1.24 without a prefix', () => {
    const d = new Driver();
    const r = d.api('GET', '/no/such/route');
    expect(r.status).toBe(404);
    expect(message(r)).toBe('page not found');
    expect(d.sim.request({ method: 'GET', path: '/version' }).status).toBe(200);
  });

  it('GET /version has the fields `docker version` prints', () => {
    const body = new Driver().api('GET', '/version').body as Record<string, unknown>;
    for (const key of [
      'Version',
      'ApiVersion',
      'MinAPIVersion',
      'Os',
      'Arch',
      'GitCommit',
      'GoVersion',
      'KernelVersion',
      'BuildTime',
    ])
      expect(body, key).toHaveProperty(key);
    expect(body['ApiVersion']).toBe('1.51');
    expect((body['Platform'] as { Name: string }).Name).toEqual(expect.any(String));
    expect((body['Components'] as { Name: string }[])[0]?.Name).toBe('Engine');
  });

  it('with dockerd down nothing listens on the socket', () => {
    const d = new Driver({ systemdRestart: false });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    const r = d.sim.request({ method: 'HEAD', path: '/_ping' });
    expect(r.connectionRefused).toBe(true);
    expect(r.status).toBe(0);
  });
});

describe('docker run -d --name web nginx', () => {
  it('create 404 -> pull stream -> create 201 -> wait (headers now) -> start 204', () => {
    const d = new Driver();
    const body = { Image: 'nginx', Tty: false, HostConfig: {} };

    const first = d.api('POST', '/containers/create?name=web', body);
    expect(first.status).toBe(404);
    expect(first.body).toEqual({ message: 'No such image: nginx:latest' });

    const pull = d.api('POST', '/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest');
    expect(pull.status).toBe(200);
    const stream = (pull.stream ?? []) as { status?: string; id?: string }[];
    expect(stream[0]).toEqual({ status: 'Pulling from library/nginx', id: 'latest' });
    const layerIds = [
      ...new Set(stream.filter((l) => l.status === 'Pulling fs layer').map((l) => l.id)),
    ];
    expect(layerIds.length).toBeGreaterThan(1);
    for (const id of layerIds) {
      expect(id).toMatch(/^[0-9a-f]{12}$/);
      const mine = stream.filter((l) => l.id === id).map((l) => l.status);
      expect(mine).toEqual(['Pulling fs layer', 'Download complete', 'Pull complete']);
    }
    const statuses = statusLines(pull);
    expect(statuses.at(-2)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(statuses.at(-1)).toBe('Status: Downloaded newer image for nginx:latest');

    const second = d.api('POST', '/containers/create?name=web', body);
    expect(second.status).toBe(201);
    const { Id, Warnings } = second.body as { Id: string; Warnings: unknown };
    expect(Id).toMatch(HEX64);
    expect(Warnings).toEqual([]);

    const wait = d.api('POST', `/containers/${Id}/wait?condition=next-exit`);
    expect(wait.status).toBe(200);
    expect(wait.body).toBeUndefined();
    expect(wait.wait).toBeDefined();
    expect(d.sim.waitResult(wait.wait as PendingWait)).toBeNull();

    expect(d.api('POST', `/containers/${Id}/start`).status).toBe(204);
    expect(d.container('web').state).toBe('running');
    d.advance(5_000);
    expect(d.sim.waitResult(wait.wait as PendingWait)).toBeNull();

    // The wait answers when the container exits: nginx stops gracefully on SIGQUIT, status 0.
    expect(d.stop('web').status).toBe(204);
    expect(d.sim.waitResult(wait.wait as PendingWait)).toEqual({ StatusCode: 0 });
  });

  it('pulling again says the image is up to date and downloads nothing', () => {
    const d = new Driver();
    d.pull('nginx');
    const again = d.pull('nginx');
    const statuses = statusLines(again);
    expect(statuses.at(-1)).toBe('Status: Image is up to date for nginx:latest');
    expect(statuses).not.toContain('Pulling fs layer');
  });

  it('a second image on the same Debian base finds that layer: "Already exists"', () => {
    const d = new Driver();
    const nginx = (d.pull('nginx').stream ?? []) as { status?: string; id?: string }[];
    const baseLayer = nginx.find((l) => l.status === 'Pulling fs layer')?.id;
    const from = d.sim.trace.length;
    const redis = (d.pull('redis').stream ?? []) as { status?: string; id?: string }[];
    expect(redis.find((l) => l.id === baseLayer)?.status).toBe('Already exists');
    expect(redis.filter((l) => l.id === baseLayer).map((l) => l.status)).toEqual([
      'Already exists',
    ]);
    expect(redis.some((l) => l.status === 'Pull complete')).toBe(true);
    // Only the missing blobs travel from the registry.
    const blobs = d.messages(from).filter((m) => m.startsWith('GET /v2/library/redis/blobs/'));
    expect(blobs.some((m) => m.endsWith(baseLayer ?? '?'))).toBe(false);
    expect(blobs.length).toBe(redis.filter((l) => l.status === 'Pull complete').length);
  });

  it('`docker pull Nginx`: repository names must be lowercase', () => {
    const r = new Driver().api('POST', '/images/create?fromImage=Nginx&tag=latest');
    expect(r.status).toBe(400);
    expect(message(r)).toBe(
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    );
  });

  it('start of a running container is 304, stop of a stopped one is 304', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    expect(d.start('web').status).toBe(304);
    expect(d.stop('web').status).toBe(204);
    expect(d.stop('web').status).toBe(304);
    expect(d.start('web').status).toBe(204);
  });

  it('a name in use is a 409 naming the holder', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const r = d.api('POST', '/containers/create?name=web', { Image: 'nginx' });
    expect(r.status).toBe(409);
    expect(message(r)).toBe(
      `Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  });

  it('container names follow Docker’s rule: at least two characters', () => {
    const d = new Driver();
    d.pull('nginx');
    const r = d.api('POST', '/containers/create?name=a', { Image: 'nginx' });
    expect(r.status).toBe(400);
    expect(message(r)).toBe(
      'Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed',
    );
    expect(d.api('POST', '/containers/create?name=ab', { Image: 'nginx' }).status).toBe(201);
  });

  it('rm of a running container without force is a 409; with force it goes', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const r = d.rm('web');
    expect(r.status).toBe(409);
    expect(message(r)).toBe(
      'cannot remove container "/web": container is running: stop the container before removing or force remove',
    );
    expect(d.container('web').state).toBe('running');
    expect(d.rm('web', { force: true }).status).toBe(204);
    expect(d.hasContainer('web')).toBe(false);
    expect(d.processes('nginx')).toEqual([]);
    expect(d.rm('web').status).toBe(404);
  });
});

describe('docker ps and inspect', () => {
  it('GET /containers/json lists running containers in the shape the CLI prints', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const list = d.api('GET', '/containers/json').body as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    const web = list[0]!;
    expect(web['Id']).toBe(id);
    expect(web['Names']).toEqual(['/web']);
    expect(web['Image']).toBe('nginx');
    expect(web['State']).toBe('running');
    expect(web['Status']).toBe('Up Less than a second');
    expect(Number.isInteger(web['Created'])).toBe(true);
    expect(web['Ports']).toEqual([{ PrivatePort: 80, Type: 'tcp' }]);
    d.advance(2 * 60_000);
    expect((d.api('GET', '/containers/json').body as { Status: string }[])[0]?.Status).toBe(
      'Up 2 minutes',
    );
  });

  it('an exited container shows only with all=1, as "Exited (code) ... ago"', () => {
    const d = new Driver();
    d.run('alpine', { name: 'job', cmd: ['sh', '-c', 'exit 3'] });
    d.advance(3_000);
    expect(d.api('GET', '/containers/json').body).toEqual([]);
    const all = d.api('GET', '/containers/json?all=1').body as { State: string; Status: string }[];
    expect(all[0]?.State).toBe('exited');
    expect(all[0]?.Status).toMatch(/^Exited \(3\) \d+ seconds ago$/);
  });

  it('inspect has Config.Tty (docker logs needs it) and the state', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const r = d.api('GET', '/containers/web/json');
    expect(r.status).toBe(200);
    const body = r.body as {
      Id: string;
      Name: string;
      Config: { Tty: unknown };
      State: { Status: string; Running: boolean; Pid: number };
    };
    expect(body.Id).toBe(id);
    expect(body.Name).toBe('/web');
    expect(body.Config.Tty).toBe(false);
    expect(body.State.Status).toBe('running');
    expect(body.State.Running).toBe(true);
    expect(body.State.Pid).toBe(d.container('web').pid);
    expect(d.api('GET', '/containers/nope/json').status).toBe(404);
  });
});

describe('docker run --rm alpine echo hi', () => {
  it('create -> attach 101 -> wait condition=removed -> start; output "hi", status 0, container gone', () => {
    const d = new Driver();
    d.pull('alpine');
    const id = create(d, {
      Image: 'alpine',
      Cmd: ['echo', 'hi'],
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { AutoRemove: true },
    });
    const attach = d.api('POST', `/containers/${id}/attach?stderr=1&stdout=1&stream=1`);
    expect(attach.status).toBe(101);
    expect(attach.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream');
    expect(attach.upgrade).toEqual({ containerId: id, tty: false });
    const attachedAt = d.sim.trace.length - 1;
    const wait = d.api('POST', `/containers/${id}/wait?condition=removed`);
    expect(wait.status).toBe(200);
    expect(wait.body).toBeUndefined();
    expect(d.api('POST', `/containers/${id}/start`).status).toBe(204);
    d.advance(1_000);
    expect(d.sim.waitResult(wait.wait as PendingWait)).toEqual({ StatusCode: 0 });
    expect(d.sim.outputSince(id, attachedAt)).toEqual<StdioFrame[]>([
      { stream: 'stdout', data: 'hi\n' },
    ]);
    expect(d.hasContainer(id)).toBe(false);
  });

  it('`sh -c "exit 3"` answers the removed-wait with StatusCode 3', () => {
    const d = new Driver();
    d.pull('alpine');
    const id = create(d, {
      Image: 'alpine',
      Cmd: ['sh', '-c', 'exit 3'],
      HostConfig: { AutoRemove: true },
    });
    const wait = d.api('POST', `/containers/${id}/wait?condition=removed`);
    d.api('POST', `/containers/${id}/start`);
    d.advance(1_000);
    expect(d.sim.waitResult(wait.wait as PendingWait)).toEqual({ StatusCode: 3 });
  });
});

describe('commands that fail inside the container', () => {
  it('`docker run alpine bash`: start fails, exit code 127, exec error from runc', () => {
    const d = new Driver();
    d.pull('alpine');
    const id = create(d, { Image: 'alpine', Cmd: ['bash'] });
    const r = d.start(id);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(message(r)).toContain('exec: "bash": executable file not found in $PATH');
    const state = (
      d.api('GET', `/containers/${id}/json`).body as { State: { ExitCode: number; Status: string } }
    ).State;
    expect(state.ExitCode).toBe(127);
    expect(state.Status).toBe('created');
    expect(d.processes('containerd-shim-runc-v2')).toEqual([]);
  });

  it('`docker run --rm alpine bash`: a failed start removes the --rm container (moby daemon/start.go)', () => {
    const d = new Driver();
    d.pull('alpine');
    const id = create(d, { Image: 'alpine', Cmd: ['bash'], HostConfig: { AutoRemove: true } });
    expect(d.start(id).status).toBeGreaterThanOrEqual(400);
    expect(d.hasContainer(id)).toBe(false);
  });

  it('postgres without POSTGRES_PASSWORD exits 1 and says why on stderr', () => {
    const d = new Driver();
    d.run('postgres', { name: 'db' });
    d.advance(1_000);
    expect(d.container('db').state).toBe('exited');
    expect(d.container('db').exitCode).toBe(1);
    const logs = d.api('GET', '/containers/db/logs?stdout=1&stderr=1&tail=all');
    expect(logs.frames).toContainEqual({
      stream: 'stderr',
      data: 'Error: Database is uninitialized and superuser password is not specified.\n',
    });
  });

  it('postgres with POSTGRES_PASSWORD keeps running', () => {
    const d = new Driver();
    d.run('postgres', { name: 'db', env: ['POSTGRES_PASSWORD=secret'] });
    d.advance(5_000);
    expect(d.container('db').state).toBe('running');
  });
});

describe('docker stop and docker kill', () => {
  it('`alpine sleep 3600` ignores SIGTERM as PID 1: stop takes the 10 s timeout and ends 137', () => {
    const d = new Driver();
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'] });
    const before = d.sim.now;
    expect(d.stop('sleeper').status).toBe(204);
    const took = d.sim.now - before;
    expect(took).toBeGreaterThanOrEqual(10_000);
    expect(took).toBeLessThan(11_000);
    expect(d.container('sleeper').exitCode).toBe(137);
    expect(d.container('sleeper').state).toBe('exited');
  });

  it('`docker stop -t 3` waits 3 s before the SIGKILL', () => {
    const d = new Driver();
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'] });
    const before = d.sim.now;
    d.stop('sleeper', 3);
    expect(d.sim.now - before).toBeGreaterThanOrEqual(3_000);
    expect(d.sim.now - before).toBeLessThan(4_000);
    expect(d.container('sleeper').exitCode).toBe(137);
  });

  it('with --init, tini forwards SIGTERM to sleep, which dies of it: 143 at once', () => {
    const d = new Driver();
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'], init: true });
    const before = d.sim.now;
    d.stop('sleeper');
    expect(d.sim.now - before).toBeLessThan(1_000);
    expect(d.container('sleeper').exitCode).toBe(143);
  });

  it('`--stop-timeout 2` on the container replaces the 10 s default', () => {
    const d = new Driver();
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'], stopTimeout: 2 });
    const before = d.sim.now;
    d.stop('sleeper');
    expect(d.sim.now - before).toBeGreaterThanOrEqual(2_000);
    expect(d.sim.now - before).toBeLessThan(3_000);
  });

  it('nginx handles its stop signal and exits 0 at once', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const before = d.sim.now;
    d.stop('web');
    expect(d.sim.now - before).toBeLessThan(1_000);
    expect(d.container('web').exitCode).toBe(0);
  });

  it('`docker kill` sends SIGKILL: 137', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    expect(d.kill('web').status).toBe(204);
    expect(d.container('web').exitCode).toBe(137);
    expect(d.container('web').state).toBe('exited');
  });

  it('`docker kill` of a stopped container is a 409', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.stop('web');
    expect(d.kill('web').status).toBe(409);
  });
});

describe('docker pause (the cgroup freezer)', () => {
  it('freezes every process of the container and thaws them on unpause', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    expect(d.api('POST', '/containers/web/pause').status).toBe(204);
    const mine = () =>
      Object.values(d.sim.world.processes).filter(
        (p) => p.containerId === id && p.nsPid !== undefined,
      );
    expect(mine().length).toBeGreaterThan(0);
    expect(mine().every((p) => p.frozen)).toBe(true);
    expect(d.api('POST', '/containers/web/unpause').status).toBe(204);
    expect(mine().every((p) => !p.frozen)).toBe(true);
  });

  it('the 1.10 daemon froze the cgroup too', () => {
    const d = new Driver({ era: 'monolith' });
    const id = d.run('nginx', { name: 'web' });
    expect(d.api('POST', '/containers/web/pause').status).toBe(204);
    const mine = Object.values(d.sim.world.processes).filter((p) => p.containerId === id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.frozen)).toBe(true);
  });

  it('a frozen program cannot finish: a paused `sleep 1` is still paused 5 s later', () => {
    const d = new Driver();
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '1'] });
    d.api('POST', '/containers/sleeper/pause');
    d.advance(5_000);
    expect(d.container('sleeper').state).toBe('paused');
    expect(d.api('POST', '/containers/sleeper/unpause').status).toBe(204);
  });

  it('`docker stop` of a paused nginx: SIGQUIT is delivered on thaw, exit 0 without the 10 s wait', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.api('POST', '/containers/web/pause');
    const before = d.sim.now;
    expect(d.stop('web').status).toBe(204);
    expect(d.container('web').exitCode).toBe(0);
    expect(d.sim.now - before).toBeLessThan(1_000);
  });

  it('`docker kill -s TERM` of a paused nginx is not lost: it exits once thawed', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    d.api('POST', '/containers/web/pause');
    expect(d.kill('web', 'SIGTERM').status).toBe(204);
    d.api('POST', '/containers/web/unpause');
    d.advance(1_000);
    expect(d.container('web').state).toBe('exited');
    expect(d.container('web').exitCode).toBe(0);
  });

  it('a container that exits while being paused is reported exited, not paused', () => {
    const d = new Driver();
    const id = d.run('hello-world', { name: 'hello' });
    d.api('POST', '/containers/hello/pause');
    d.advance(1_000);
    const c = d.container(id);
    if (c.state === 'paused') {
      // Still paused: then its process must still be there, frozen.
      expect(d.process(c.pid)?.frozen).toBe(true);
    } else {
      expect(c.state).toBe('exited');
    }
  });
});

describe('restart policies', () => {
  it('on-failure:2 restarts twice, then stays exited', () => {
    const d = new Driver();
    const id = d.run('alpine', {
      name: 'job',
      cmd: ['sh', '-c', 'exit 3'],
      restart: 'on-failure:2',
    });
    d.advance(30_000);
    const c = d.container(id);
    expect(c.state).toBe('exited');
    expect(c.exitCode).toBe(3);
    expect(c.restartCount).toBe(2);
    const starts = d.sim.world.events.filter((e) => e.actorId === id && e.action === 'start');
    expect(starts).toHaveLength(3);
  });

  it('on-failure does not restart when the daemon restarts (FACTS §3)', () => {
    const d = new Driver({ systemdRestart: false });
    const id = d.run('alpine', {
      name: 'job',
      cmd: ['sh', '-c', 'exit 3'],
      restart: 'on-failure:2',
    });
    d.advance(30_000);
    expect(d.container(id).state).toBe('exited');
    d.systemctl('restart', 'docker');
    d.advance(30_000);
    const starts = d.sim.world.events.filter((e) => e.actorId === id && e.action === 'start');
    expect(starts).toHaveLength(3);
    expect(d.container(id).state).toBe('exited');
  });

  it('on-failure does not restart a container that exited 0', () => {
    const d = new Driver();
    const id = d.run('alpine', { name: 'job', cmd: ['sh', '-c', 'exit 0'], restart: 'on-failure' });
    d.advance(10_000);
    expect(d.container(id).state).toBe('exited');
    expect(d.container(id).restartCount).toBe(0);
  });

  it('the back-off starts again at 100 ms once the container has run 10 s', () => {
    const d = new Driver();
    const id = d.run('alpine', { name: 'long', cmd: ['sleep', '11'], restart: 'always' });
    d.advance(60_000);
    const events = d.sim.world.events.filter((e) => e.actorId === id);
    const gaps: number[] = [];
    for (const [i, e] of events.entries()) {
      const next = events.slice(i + 1).find((x) => x.action === 'start');
      if (e.action === 'die' && next) gaps.push(next.time - e.time);
    }
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toBeLessThan(200);
  });

  it('always restarts a crashed container, with a back-off that doubles from 100 ms', () => {
    const d = new Driver();
    const id = d.run('alpine', { name: 'loop', cmd: ['sh', '-c', 'exit 1'], restart: 'always' });
    d.advance(2_000);
    const starts = d.sim.world.events
      .filter((e) => e.actorId === id && e.action === 'start')
      .map((e) => e.time);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Each wait is about twice the one before (100, 200, 400, ... plus the run time).
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]! * 1.5);
  });

  it('a manual stop is not undone by `always` until the daemon restarts; unless-stopped stays stopped', () => {
    const d = new Driver({ systemdRestart: false });
    d.run('nginx', { name: 'web1', restart: 'always' });
    d.run('nginx', { name: 'keep', restart: 'unless-stopped' });
    d.stop('web1');
    d.stop('keep');
    d.advance(5_000);
    expect(d.container('web1').state).toBe('exited');
    expect(d.container('keep').state).toBe('exited');
    d.systemctl('restart', 'docker');
    d.advance(1_000);
    expect(d.container('web1').state).toBe('running');
    expect(d.container('keep').state).toBe('exited');
  });

  it('`docker start` of a restarting container does nothing (304): no second task', () => {
    const d = new Driver();
    const id = d.run('alpine', { name: 'loop', cmd: ['sh', '-c', 'exit 1'], restart: 'always' });
    d.advance(30);
    expect(d.container(id).state).toBe('restarting');
    expect(d.start(id).status).toBe(304);
    d.advance(5_000);
    const inits = Object.values(d.sim.world.processes).filter(
      (p) => p.containerId === id && p.nsPid === 1,
    );
    expect(inits.length).toBeLessThanOrEqual(1);
  });

  it('`docker start` racing a restart never gives a container two init processes; kill still works', () => {
    const d = new Driver();
    const id = d.run('busybox', { name: 'echoer', cmd: ['echo', 'hi'], restart: 'unless-stopped' });
    d.start(id);
    d.start(id);
    const inits = Object.values(d.sim.world.processes).filter(
      (p) => p.containerId === id && p.nsPid === 1,
    );
    expect(inits.length).toBeLessThanOrEqual(1);
    expect(() => d.kill(id)).not.toThrow();
  });

  it('after a crash restore, restart policies apply even if another container took 10 s to stop', () => {
    const d = new Driver({ systemdRestart: false });
    d.run('nginx', { name: 'web', restart: 'always' });
    d.run('alpine', { name: 'sleeper', cmd: ['sleep', '3600'] });
    d.signal({ service: 'dockerd' }, 'SIGKILL');
    d.systemctl('start', 'docker');
    d.advance(70_000);
    expect(d.container('sleeper').exitCode).toBe(137);
    expect(d.container('web').state).toBe('running');
  });
});

describe('volumes', () => {
  it('a named volume survives `docker rm`, even with -v', () => {
    const d = new Driver();
    d.run('alpine', { name: 'job', cmd: ['echo', 'hi'], volumes: ['data:/data'] });
    expect(volumeNames(d)).toContain('data');
    d.advance(1_000);
    expect(d.rm('job', { volumes: true }).status).toBe(204);
    expect(volumeNames(d)).toContain('data');
  });

  it("redis's anonymous /data volume is kept by `docker rm` and removed by `docker rm -v`", () => {
    const d = new Driver();
    d.run('redis', { name: 'web1' });
    d.run('redis', { name: 'web2' });
    const anonymous = d.container('web1').mounts.find((m) => m.destination === '/data')?.source;
    const other = d.container('web2').mounts.find((m) => m.destination === '/data')?.source;
    expect(anonymous).toMatch(HEX64);
    expect(volumeNames(d)).toEqual(expect.arrayContaining([anonymous, other]));
    d.rm('web1', { force: true });
    expect(volumeNames(d)).toContain(anonymous);
    d.rm('web2', { force: true, volumes: true });
    expect(volumeNames(d)).not.toContain(other);
  });

  it('`--rm` removes the anonymous volume with the container', () => {
    const d = new Driver();
    const id = d.run('redis', { name: 'cache', rm: true });
    const anonymous = d.container(id).mounts.find((m) => m.destination === '/data')?.source;
    d.stop('cache');
    d.advance(1_000);
    expect(d.hasContainer(id)).toBe(false);
    expect(volumeNames(d)).not.toContain(anonymous);
  });
});

describe('networks', () => {
  it('a user-defined bridge gets 172.18.0.0/16 and hands out .2, .3 to its containers', () => {
    const d = new Driver();
    const created = d.api('POST', '/networks/create', { Name: 'mynet', Driver: 'bridge' });
    expect(created.status).toBe(201);
    expect((created.body as { Id: string }).Id).toMatch(HEX64);
    const net = d.api('GET', '/networks/mynet').body as {
      IPAM: { Config: { Subnet: string; Gateway: string }[] };
    };
    expect(net.IPAM.Config).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }]);
    d.run('nginx', { name: 'web1', network: 'mynet' });
    d.run('nginx', { name: 'web2', network: 'mynet' });
    const ip = (name: string): string | undefined =>
      (
        d.api('GET', `/containers/${name}/json`).body as {
          NetworkSettings: { Networks: Record<string, { IPAddress: string; Gateway: string }> };
        }
      ).NetworkSettings.Networks['mynet']?.IPAddress;
    expect(ip('web1')).toBe('172.18.0.2');
    expect(ip('web2')).toBe('172.18.0.3');
  });

  it('containers on the default bridge get 172.17.0.x', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web1' });
    expect(d.container('web1').networks['bridge']?.ipAddress).toBe('172.17.0.2');
  });

  it('the built-in bridge cannot be removed: 403 Forbidden', () => {
    const d = new Driver();
    const r = d.api('DELETE', '/networks/bridge');
    expect(r.status).toBe(403);
    expect(message(r)).toBe('bridge is a pre-defined network and cannot be removed');
    expect(lastStatusLine(d)).toBe('403 Forbidden');
  });

  it('a network with a running container cannot be removed; an empty one can', () => {
    const d = new Driver();
    d.api('POST', '/networks/create', { Name: 'mynet' });
    d.run('nginx', { name: 'web1', network: 'mynet' });
    expect(d.api('DELETE', '/networks/mynet').status).toBe(403);
    d.rm('web1', { force: true });
    expect(d.api('DELETE', '/networks/mynet').status).toBe(204);
    expect(d.api('GET', '/networks/mynet').status).toBe(404);
  });
});

describe('published ports', () => {
  it('`-p 8080:80` twice: the second start fails with "port is already allocated"', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web1', publish: { '8080': '80/tcp' } });
    expect(() => d.run('nginx', { name: 'web2', publish: { '8080': '80/tcp' } })).toThrow(
      /Bind for 0\.0\.0\.0:8080 failed: port is already allocated/,
    );
    expect(d.container('web1').state).toBe('running');
    expect(d.container('web2').state).toBe('created');
    const ports = (d.api('GET', '/containers/json').body as { Ports: unknown[] }[])[0]?.Ports;
    expect(ports).toContainEqual({ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' });
  });

  it('the port is free again once its container stops', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web1', publish: { '8080': '80/tcp' } });
    d.stop('web1');
    expect(() => d.run('nginx', { name: 'web2', publish: { '8080': '80/tcp' } })).not.toThrow();
    expect(d.start('web1').status).toBe(500);
  });

  it('a restart that fails because the port was taken does not leave the container restarting forever', () => {
    const d = new Driver();
    d.run('alpine', {
      name: 'flaky',
      cmd: ['sh', '-c', 'exit 1'],
      restart: 'always',
      publish: { '8080': '80/tcp' },
    });
    d.advance(20);
    expect(d.container('flaky').state).toBe('restarting');
    d.run('nginx', { name: 'web', publish: { '8080': '80/tcp' } });
    d.advance(70_000);
    expect(d.container('flaky').state).not.toBe('restarting');
  });
});

describe('docker logs', () => {
  it('nginx logs come as stdout and stderr frames (Tty false: multiplexed)', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const inspect = d.api('GET', '/containers/web/json').body as {
      Id: string;
      Config: { Tty: boolean };
    };
    expect(inspect.Config.Tty).toBe(false);
    const r = d.api('GET', `/containers/${inspect.Id}/logs?stderr=1&stdout=1&tail=all`);
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('application/vnd.docker.multiplexed-stream');
    const frames = r.frames ?? [];
    expect(frames).toContainEqual({
      stream: 'stdout',
      data: '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
    });
    expect(frames.some((f) => f.stream === 'stderr' && f.data.includes('[notice]'))).toBe(true);
    expect(frames.every((f) => f.data.endsWith('\n'))).toBe(true);
  });

  it('stdout=1 alone leaves the stderr frames out; tail=1 keeps the last line', () => {
    const d = new Driver();
    d.run('nginx', { name: 'web' });
    const out = d.api('GET', '/containers/web/logs?stdout=1').frames ?? [];
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((f) => f.stream === 'stdout')).toBe(true);
    const last = d.api('GET', '/containers/web/logs?stdout=1&stderr=1&tail=1').frames ?? [];
    expect(last).toHaveLength(1);
    expect(d.api('GET', '/containers/web/logs').status).toBe(400);
  });

  it('a Tty container’s logs are a raw stream', () => {
    const d = new Driver();
    d.run('alpine', { name: 'tty1', cmd: ['sh'], tty: true });
    const r = d.api('GET', '/containers/tty1/logs?stdout=1&stderr=1');
    expect(r.headers['Content-Type']).toBe('application/vnd.docker.raw-stream');
  });
});

describe('other commands the CLI sends', () => {
  it('`docker images`: GET /images/json with sha256 IDs and repo tags', () => {
    const d = new Driver();
    d.pull('nginx');
    const list = d.api('GET', '/images/json').body as {
      Id: string;
      RepoTags: string[];
      Created: number;
      Size: number;
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(list[0]?.RepoTags).toEqual(['nginx:latest']);
    expect(Number.isInteger(list[0]?.Created)).toBe(true);
    expect(list[0]?.Size).toBeGreaterThan(0);
  });

  it('`docker events`: container events with Type, Action, Actor and times', () => {
    const d = new Driver();
    const id = d.run('nginx', { name: 'web' });
    const r = d.api('GET', '/events?since=0');
    expect(r.status).toBe(200);
    const start = (r.stream ?? []).find((e) => (e as { Action?: string }).Action === 'start') as
      Record<string, unknown> | undefined;
    expect(start).toMatchObject({
      Type: 'container',
      Action: 'start',
      Actor: { ID: id, Attributes: { image: 'nginx', name: 'web' } },
      scope: 'local',
    });
    expect(Number.isInteger(start?.['time'])).toBe(true);
    const seconds = start?.['time'] as number;
    expect(start?.['timeNano']).toBeGreaterThanOrEqual(seconds * 1e9);
    expect(start?.['timeNano']).toBeLessThan((seconds + 1) * 1e9);
  });

  it('swarm commands on a host with no swarm: 503 "not a swarm manager"', () => {
    const d = new Driver();
    const expected =
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
    for (const path of ['/services?status=true', '/nodes', '/swarm']) {
      const r = d.api('GET', path);
      expect(r.status, path).toBe(503);
      expect(message(r), path).toBe(expected);
    }
  });
});
