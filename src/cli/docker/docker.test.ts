/**
 * The in-app docker CLI against the simulated daemon: for each command, the Engine API
 * requests equal the real CLI's sequence (ENGINE-API.md, cli-transcript.txt) and what it
 * prints has the real CLI's format; bad command lines get the real CLI's errors, byte for
 * byte, from errors.json (captured from the real binary by scripts/capture-docker-cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { ShellHarness } from '../shell/testing';
import reference from './reference/errors.json';

const V = '/v1.51';

describe('docker run -d', () => {
  it('sends create, 404, pull, create, wait, start, and prints the pull and the ID', () => {
    const t = new ShellHarness();
    const r = t.run('docker run -d --name web nginx');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `POST ${V}/containers/create?name=web`,
      `POST ${V}/images/create?fromImage=docker.io%2Flibrary%2Fnginx&tag=latest`,
      `POST ${V}/containers/create?name=web`,
      expect.stringMatching(
        new RegExp(`^POST ${V}/containers/[0-9a-f]{64}/wait\\?condition=next-exit$`),
      ),
      expect.stringMatching(new RegExp(`^POST ${V}/containers/[0-9a-f]{64}/start$`)),
    ]);
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe("Unable to find image 'nginx:latest' locally");
    expect(lines[1]).toBe('latest: Pulling from library/nginx');
    expect(lines).toContainEqual(expect.stringMatching(/^[0-9a-f]{12}: Pull complete$/));
    expect(lines).toContainEqual(expect.stringMatching(/^Digest: sha256:[0-9a-f]{64}$/));
    expect(lines).toContain('Status: Downloaded newer image for nginx:latest');
    expect(r.status).toBe(0);
    expect(Object.values(t.sim.world.containers)[0]?.state).toBe('running');
  });

  it('a second run finds the image and does not pull; a taken name is a 409 with exit 125', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const again = t.run('docker run -d --name web nginx');
    expect(again.requests).toEqual(['HEAD /_ping', `POST ${V}/containers/create?name=web`]);
    expect(again.stderr).toMatch(
      /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/,
    );
    expect(again.status).toBe(125);
  });

  it('builds the create body as the CLI does: ports, env, restart policy, volumes, init', () => {
    const t = new ShellHarness();
    t.run('docker pull nginx');
    t.run(
      'docker run -d --name web -p 8080:80 -e A=1 --restart unless-stopped -v data:/data --init nginx',
    );
    const create = t.sim.log.find(
      (l) => l.input.kind === 'api' && l.input.request.path.startsWith(`${V}/containers/create`),
    );
    const body =
      create?.input.kind === 'api' ? (create.input.request.body as Record<string, unknown>) : {};
    expect(body).toMatchObject({
      Image: 'nginx',
      Env: ['A=1'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: {
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
        RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
        Binds: ['data:/data'],
        Init: true,
      },
    });
  });

  it('rejects a bad port before asking the daemon, as the CLI does', () => {
    const t = new ShellHarness();
    const r = t.run('docker run -p abc nginx');
    expect(r.stderr).toBe(
      "docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n",
    );
    expect(r.status).toBe(125);
    expect(r.requests).toEqual(['HEAD /_ping']);
  });
});

describe('docker run attached', () => {
  it('--rm alpine echo hi: create, attach, wait (removed), start; prints hi; the container is gone', () => {
    const t = new ShellHarness();
    t.run('docker pull alpine');
    const r = t.run('docker run --rm alpine echo hi', 5000);
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `POST ${V}/containers/create`,
      expect.stringMatching(/\/attach\?stderr=1&stdout=1&stream=1$/),
      expect.stringMatching(/\/wait\?condition=removed$/),
      expect.stringMatching(/\/start$/),
    ]);
    expect(r.stdout).toBe('hi\n');
    expect(r.status).toBe(0);
    expect(r.busy).toBe(false);
    expect(Object.keys(t.sim.world.containers)).toHaveLength(0);
  });

  it('the exit status of the program becomes the exit status of docker run', () => {
    const t = new ShellHarness();
    t.run('docker pull alpine');
    expect(t.run('docker run alpine sh -c "exit 3"', 5000).status).toBe(3);
  });

  it('a server in the foreground holds the prompt until Ctrl-C', () => {
    const t = new ShellHarness();
    const r = t.run('docker run --name web nginx', 1000);
    expect(r.busy).toBe(true);
    expect(r.stdout).toContain('Configuration complete; ready for start up');
    const stopped = t.interrupt();
    expect(stopped.requests).toEqual([expect.stringMatching(/\/kill\?signal=SIGINT$/)]);
    t.advance(1000);
    expect(t.shell.busy).toBe(false);
  });
});

describe('listing', () => {
  it('docker ps prints the real header and one aligned row per container', () => {
    const t = new ShellHarness();
    const empty = t.run('docker ps');
    expect(empty.stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
    expect(empty.requests).toEqual(['HEAD /_ping', `GET ${V}/containers/json`]);
    t.run('docker run -d --name web -p 8080:80 nginx');
    const [header, row] = t.run('docker ps').stdout.split('\n');
    expect(header).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                  PORTS                                     NAMES',
    );
    expect(row).toMatch(
      /^[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}Less than a second ago {3}Up Less than a second {3}0\.0\.0\.0:8080->80\/tcp, \[::\]:8080->80\/tcp {3}web$/,
    );
  });

  it('ps -q, -a and --format', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    t.run('docker stop web');
    expect(t.run('docker ps -q').stdout).toBe('');
    expect(t.run('docker ps -a -q').stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(t.run('docker ps -a --format "{{.Names}}: {{.State}}"').stdout).toBe('web: exited\n');
    expect(t.run("docker ps -a --format 'table {{.Names}}\\t{{.Status}}'").stdout).toMatch(
      /^NAMES {5}STATUS\nweb {7}Exited \(0\) .+ ago\n$/,
    );
    expect(t.run('docker ps --format "{{.Nope"').stderr).toMatch(/^template parsing error: /);
  });

  it('docker images: one row per tag with the real columns', () => {
    const t = new ShellHarness();
    t.run('docker pull nginx');
    const out = t.run('docker images').stdout.split('\n');
    expect(out[0]).toBe(
      'REPOSITORY   TAG       IMAGE ID       CREATED         SIZE'.replace(
        /CREATED\s+SIZE/,
        out[0]?.match(/CREATED\s+SIZE/)?.[0] ?? '',
      ),
    );
    expect(out[1]).toMatch(/^nginx {8}latest {4}[0-9a-f]{12} {3}.+ ago {3}\d+(\.\d+)?MB$/);
  });
});

describe('container commands', () => {
  it('stop, start, rm -f send the name as given and print it back', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const stop = t.run('docker stop web');
    expect(stop.requests).toEqual(['HEAD /_ping', `POST ${V}/containers/web/stop`]);
    expect(stop.stdout).toBe('web\n');
    expect(t.run('docker start web').requests).toEqual([
      'HEAD /_ping',
      `POST ${V}/containers/web/start`,
    ]);
    const rm = t.run('docker rm -f web');
    expect(rm.requests).toEqual(['HEAD /_ping', `DELETE ${V}/containers/web?force=1`]);
    expect(rm.stdout).toBe('web\n');
  });

  it('errors per name, exit 1, the others still done', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const r = t.run('docker stop nope web');
    expect(r.stderr).toBe('Error response from daemon: No such container: nope\n');
    expect(r.stdout).toBe('web\n');
    expect(r.status).toBe(1);
  });

  it('logs: inspect first, then the logs with tail=all', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    t.advance(500);
    const r = t.run('docker logs web');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/containers/web/json`,
      expect.stringMatching(
        /^GET \/v1\.51\/containers\/[0-9a-f]{64}\/logs\?stderr=1&stdout=1&tail=all$/,
      ),
    ]);
    expect(r.stdout).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
  });

  it('inspect prints the daemon JSON indented by 4; -f takes a Go template', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const r = t.run('docker inspect web');
    expect(r.stdout.startsWith('[\n    {\n        "Id": "')).toBe(true);
    expect(t.run("docker inspect -f '{{.State.Status}} {{.Name}}' web").stdout).toBe(
      'running /web\n',
    );
    expect(
      t.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web")
        .stdout,
    ).toBe('172.17.0.2\n');
    const missing = t.run('docker inspect nope');
    expect(missing.stdout).toBe('[]\n');
    expect(missing.stderr).toBe('Error: No such object: nope\n');
    expect(missing.status).toBe(1);
  });

  it('wait holds until the container exits, then prints its status', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    expect(t.run('docker wait web').busy).toBe(true);
    t.shell.interrupt();
    t.run('docker stop web');
    expect(t.run('docker wait web').stdout).toBe('0\n');
  });
});

describe('docker top', () => {
  it("prints the container's processes in top's own 20-wide columns", () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const [header, first] = t.run('docker top web').stdout.split('\n');
    expect(header).toMatch(/^UID {17}PID {17}PPID {16}C {19}STIME {15}TTY {17}TIME {16}CMD$/);
    expect(first).toMatch(/^root {16}\d+ +\d+ +0 +09:00 +\? +00:00:00 +nginx: master process/);
  });
});

describe('system', () => {
  it('version prints the client and the server in the real layout', () => {
    const t = new ShellHarness();
    const r = t.run('docker version');
    expect(r.requests).toEqual(['HEAD /_ping', `GET ${V}/version`]);
    expect(r.stdout).toMatch(/^Client:\n Version: {11}28\.5\.2\n API version: {7}1\.51\n/);
    expect(r.stdout).toContain(
      '\n Engine:\n  Version:          28.5.2\n  API version:      1.51 (minimum version 1.24)\n',
    );
  });

  it('with dockerd down every command says it cannot connect', () => {
    const t = new ShellHarness();
    t.run('systemctl stop docker');
    const r = t.run('docker ps');
    expect(r.stderr).toBe(
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
    );
    expect(r.status).toBe(1);
    expect(t.run('docker run -d nginx').status).toBe(125);
  });

  it('events follows new events until Ctrl-C', () => {
    const t = new ShellHarness();
    t.run('docker pull alpine');
    const started = t.run('docker events');
    expect(started.busy).toBe(true);
    t.shell.interrupt();
    const r = t.run('docker events --since 0 --until 99999999999');
    expect(r.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z image pull /m);
  });
});

describe('usage errors match the real CLI byte for byte', () => {
  for (const c of reference.errors) {
    it(`docker ${c.args.join(' ')}`, () => {
      const t = new ShellHarness();
      const quoted = c.args.map((a) => `'${a}'`).join(' ');
      const r = t.run(`docker ${quoted}`);
      expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        status: c.status,
      });
    });
  }
});

describe('docker exec', () => {
  it('inspects, creates, starts attached, then reads the exit code', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const r = t.run('docker exec web hostname');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `GET ${V}/containers/web/json`,
      `POST ${V}/containers/web/exec`,
      expect.stringMatching(/^POST \/v1\.51\/exec\/[0-9a-f]{64}\/start$/),
      expect.stringMatching(/^GET \/v1\.51\/exec\/[0-9a-f]{64}\/json$/),
    ]);
    expect(r.stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(r.status).toBe(0);
  });

  it('an unknown program fails with the runtime error and exit 127; a stopped container with 1', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const r = t.run('docker exec web nope');
    expect(r.stdout + r.stderr).toContain('executable file not found in $PATH');
    expect(r.status).toBe(127);
    t.run('docker stop web');
    const stopped = t.run('docker exec web ls');
    expect(stopped.stderr).toMatch(
      /^Error response from daemon: container [0-9a-f]{64} is not running\n$/,
    );
    expect(stopped.status).toBe(1);
  });

  it('a long exec holds the prompt until it ends', () => {
    const t = new ShellHarness();
    t.run('docker run -d --name web nginx');
    const r = t.run('docker exec web sleep 2');
    expect(r.busy).toBe(true);
    t.advance(2500);
    expect(t.shell.busy).toBe(false);
    expect(t.shell.lastStatus).toBe(0);
  });
});

describe('docker run -v', () => {
  it('a bare path becomes an anonymous volume; a relative one is refused by the daemon', () => {
    const t = new ShellHarness();
    t.run('docker pull alpine');
    t.run('docker run -d --name db -v /data alpine sleep 100');
    expect(t.run('docker volume ls -q').stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(t.run("docker inspect -f '{{range .Mounts}}{{.Destination}}{{end}}' db").stdout).toBe(
      '/data\n',
    );
    const bad = t.run('docker run -v data alpine true');
    expect(bad.stderr).toContain("invalid volume specification: 'data'");
    expect(bad.status).toBe(125);
  });
});

describe('docker build (classic builder, docker 28 without buildx)', () => {
  it('sends the context from the host as POST /build and prints the steps, with the real notice', () => {
    const t = new ShellHarness();
    const r = t.run('docker build -t hello app');
    expect(r.requests).toEqual([
      'HEAD /_ping',
      `POST ${V}/build?dockerfile=Dockerfile&t=hello&version=1`,
    ]);
    expect(r.stderr).toBe(
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            Install the buildx component to build images with BuildKit:\n            https://docs.docker.com/go/buildx/\n',
    );
    expect(r.stdout).toMatch(
      /^Sending build context to Docker daemon {2}\d+(\.\d+)?kB\nStep 1\/7 : FROM node:20-alpine\n/,
    );
    expect(r.stdout).toMatch(
      /Successfully built [0-9a-f]{12}\nSuccessfully tagged hello:latest\n$/,
    );
  });

  it('a file changed with the shell misses the cache from its COPY on; the old image dangles', () => {
    const t = new ShellHarness();
    t.run('docker build -t hello app');
    t.run(`echo "console.log('v2')" > app/app.js`);
    const steps = t.run('docker build -t hello app').stdout.split(/(?=Step \d)/);
    // steps[0] is "Sending build context"; Step 2 (WORKDIR) to Step 4 (RUN) come from cache,
    // Step 5 copies the changed app.js, and everything from it on is built again.
    expect(steps.slice(2, 5).every((s) => s.includes(' ---> Using cache'))).toBe(true);
    expect(steps.slice(5).some((s) => s.includes('Using cache'))).toBe(false);
    const images = t.run('docker images').stdout;
    expect(images).toMatch(/\nhello {8}latest/);
    expect(images).toMatch(/\n<none> {7}<none>/);
    expect(t.run('docker images -a -q').stdout.split('\n').filter(Boolean).length).toBeGreaterThan(
      t.run('docker images -q').stdout.split('\n').filter(Boolean).length,
    );
  });

  it('errors: no such context, a broken Dockerfile', () => {
    const t = new ShellHarness();
    expect(t.run('docker build nope').stderr).toBe(
      'unable to prepare context: path "nope" not found\n',
    );
    t.run('echo "FROM alpine" > app/Dockerfile');
    t.run('echo "COPY onlyone" >> app/Dockerfile');
    const broken = t.run('docker build app');
    expect(broken.stderr).toContain(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    );
    expect(broken.status).toBe(1);
  });
});
