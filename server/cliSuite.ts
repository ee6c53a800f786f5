/**
 * The REAL docker CLI against the bridge, command by command: what it prints and its exit
 * codes. `cliSuite(transport)` defines the tests for one port (plain or mutual TLS) with its
 * own bridge, shared by its tests, which run in order (each builds on the state the previous
 * ones left). cliPlain.test.ts and cliTls.test.ts run it, in parallel.
 *
 * Left out, and why: `run -it` (the simulation has no input for a program's stdin, so an
 * interactive shell cannot be driven). The Swarm commands run last: the bridge's host is the one
 * machine of a Cluster, whose dockerd embeds SwarmKit as the real one does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from './bridge';
import {
  cliEnv,
  requireDockerCli,
  runCli,
  scratchDir,
  spawnCli,
  until,
  type Transport,
} from './testing';

const ID64 = /^[0-9a-f]{64}\n$/;

export function cliSuite(transport: Transport): void {
  describe(`the docker CLI over the ${transport} port`, () => {
    let bridge: Bridge;
    let env: NodeJS.ProcessEnv;
    const scratch = scratchDir(`bridge-cli-${transport}`);
    const docker = (...args: string[]) => runCli(args, env);

    beforeAll(async () => {
      await requireDockerCli();
      bridge = await startBridge({
        port: 0,
        tlsPort: 0,
        certDir: join(scratch.dir, 'certs'),
        log: () => {},
      });
      mkdirSync(join(scratch.dir, 'config'));
      env = cliEnv(bridge, transport, join(scratch.dir, 'config'));
    });

    afterAll(async () => {
      await bridge?.close();
      scratch.remove();
    });

    it('version: the client and the simulated server', async () => {
      const r = await docker('version');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Client:\n Version: +28\./);
      expect(r.stdout).toMatch(
        /\nServer: Docker Engine - Community \(simulated\)\n Engine:\n {2}Version: +\S+/,
      );
      expect(r.stdout).toMatch(/API version: +1\.\d+ \(minimum version 1\.24\)/);
      expect(r.stderr).toBe('');
    });

    it('info', async () => {
      const r = await docker('info');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(' Containers: 0\n');
      expect(r.stdout).toContain(' Storage Driver: overlay2\n');
      expect(r.stdout).toContain(' Swarm: inactive\n');
    });

    it('ps, ps -a and images on an empty host print only their headings', async () => {
      const heading = 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n';
      expect(await docker('ps')).toEqual({ code: 0, stdout: heading, stderr: '' });
      expect(await docker('ps', '-a')).toEqual({ code: 0, stdout: heading, stderr: '' });
      expect(await docker('images')).toEqual({
        code: 0,
        stdout: 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n',
        stderr: '',
      });
    });

    it('pull alpine', async () => {
      const r = await docker('pull', 'alpine');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^Using default tag: latest\nlatest: Pulling from library\/alpine\n/,
      );
      expect(r.stdout).toMatch(/: Pull complete\n/);
      expect(r.stdout).toMatch(/\nDigest: sha256:[0-9a-f]{64}\n/);
      expect(r.stdout).toContain('Status: Downloaded newer image for alpine:latest\n');
      expect(r.stdout.endsWith('docker.io/library/alpine:latest\n')).toBe(true);
      const images = await docker('images');
      expect(images.stdout).toMatch(/\nalpine +latest +[0-9a-f]{12} /);
    });

    it('run -d --name web nginx pulls the image, then prints the ID', async () => {
      const r = await docker('run', '-d', '--name', 'web', 'nginx');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(ID64);
      expect(r.stderr).toMatch(
        /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n/,
      );
      expect(r.stderr).toContain('Status: Downloaded newer image for nginx:latest\n');
      const ps = await docker('ps');
      expect(ps.stdout).toMatch(/\n[0-9a-f]{12} +nginx +"\/docker-entrypoint\.…" .* Up .* web\n$/);
      const q = await docker('ps', '-q');
      expect(q.stdout).toBe(`${r.stdout.slice(0, 12)}\n`);
    });

    it('run --rm alpine echo hi prints hi and exits 0', async () => {
      expect(await docker('run', '--rm', 'alpine', 'echo', 'hi')).toEqual({
        code: 0,
        stdout: 'hi\n',
        stderr: '',
      });
    });

    it("run exits with the container's status", async () => {
      expect((await docker('run', '--rm', 'alpine', 'sh', '-c', 'exit 3')).code).toBe(3);
      expect((await docker('run', '--rm', 'alpine', 'false')).code).toBe(1);
      // --rm removed them: only web is left
      expect((await docker('ps', '-a', '-q')).stdout.trim().split('\n')).toHaveLength(1);
    });

    it('run of a program the image does not have: 127 and the OCI error', async () => {
      const r = await docker('run', '--rm', 'alpine', 'no-such-program');
      expect(r.code).toBe(127);
      expect(r.stderr).toMatch(/^docker: Error response from daemon: .*no-such-program.*\n/);
    });

    it('create, start, pause, unpause, restart, kill and rm', async () => {
      const created = await docker('create', '--name', 'c1', 'alpine', 'sleep', '1000');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(ID64);
      expect((await docker('ps', '-a')).stdout).toMatch(/"sleep 1000" .* Created .* c1\n/);
      for (const verb of ['start', 'pause', 'unpause', 'restart', 'kill']) {
        const r = await docker(verb, 'c1');
        expect(r, verb).toEqual({ code: 0, stdout: 'c1\n', stderr: '' });
        if (verb === 'pause')
          expect((await docker('ps')).stdout).toMatch(/Up .* \(Paused\) .* c1\n/);
      }
      expect((await docker('ps', '-a')).stdout).toMatch(/Exited \(137\) .* c1\n/);
      expect(await docker('rm', 'c1')).toEqual({ code: 0, stdout: 'c1\n', stderr: '' });
    });

    it('stop, start and logs', async () => {
      expect(await docker('stop', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect((await docker('ps', '-a')).stdout).toMatch(/Exited \(0\) .* web\n/);
      expect(await docker('start', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      const logs = await docker('logs', 'web');
      expect(logs.code).toBe(0);
      // nginx's entrypoint writes to stdout, nginx's notices to stderr: the frames keep them apart
      expect(logs.stdout).toContain(
        '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
      );
      expect(logs.stderr).toMatch(/\[notice\] 1#1: start worker processes\n/);
      expect(logs.stdout).not.toContain('[notice]');
    });

    it('logs -f follows until the container exits', async () => {
      const ran = await docker('run', '-d', '--name', 'lf', 'alpine', 'sleep', '1');
      expect(ran.code).toBe(0);
      const started = Date.now();
      const r = await docker('logs', '-f', 'lf');
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      // It waited for the exit (about a second of the bridge's clock), then ended by itself.
      expect(Date.now() - started).toBeGreaterThan(500);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await docker('rm', 'lf')).code).toBe(0);
    });

    it('inspect', async () => {
      const r = await docker('inspect', 'web');
      expect(r.code).toBe(0);
      const [info] = JSON.parse(r.stdout) as [
        { Name: string; State: { Running: boolean }; Config: { Tty: boolean } },
      ];
      expect(info.Name).toBe('/web');
      expect(info.State.Running).toBe(true);
      expect(info.Config.Tty).toBe(false);
      expect(await docker('inspect', '--format', '{{.State.Status}}', 'web')).toEqual({
        code: 0,
        stdout: 'running\n',
        stderr: '',
      });
      const missing = await docker('inspect', 'nothing-here');
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('Error: No such object: nothing-here');
    });

    it('exec, with the exit code of the program', async () => {
      const ls = await docker('exec', 'web', 'ls', '/');
      expect(ls.code).toBe(0);
      expect(ls.stdout.split('\n')).toContain('docker-entrypoint.sh');
      expect((await docker('exec', 'web', 'sh', '-c', 'exit 3')).code).toBe(3);
      const detached = await docker('exec', '-d', 'web', 'sleep', '5');
      expect(detached).toEqual({ code: 0, stdout: '', stderr: '' });
    });

    it('rm of a running container is refused; rm -f removes it', async () => {
      const r = await docker('rm', 'web');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^Error response from daemon: .*container is running/);
      expect(await docker('rm', '-f', 'web')).toEqual({ code: 0, stdout: 'web\n', stderr: '' });
      expect((await docker('ps', '-a', '-q')).stdout).toBe('');
    });

    it('build (classic builder) from a context folder, then run the image', async () => {
      const ctx = join(scratch.dir, 'ctx');
      mkdirSync(join(ctx, 'app'), { recursive: true });
      writeFileSync(
        join(ctx, 'Dockerfile'),
        'FROM alpine\nRUN echo building-demo\nCOPY app/file.txt /file.txt\nCMD ["echo","hello from demo"]\n',
      );
      writeFileSync(join(ctx, 'app', 'file.txt'), 'data\n');
      const r = await runCli(['build', '-t', 'demo', '.'], env, { cwd: ctx });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Sending build context to Docker daemon +\d/);
      expect(r.stdout).toContain('Step 1/4 : FROM alpine\n');
      expect(r.stdout).toContain('building-demo\n');
      expect(r.stdout).toContain('Step 3/4 : COPY app/file.txt /file.txt\n');
      expect(r.stdout).toMatch(
        /Successfully built [0-9a-f]{12}\nSuccessfully tagged demo:latest\n$/,
      );
      expect(await docker('run', '--rm', 'demo')).toEqual({
        code: 0,
        stdout: 'hello from demo\n',
        stderr: '',
      });
    });

    it('a failing build: the error and exit code 1', async () => {
      const ctx = join(scratch.dir, 'bad');
      mkdirSync(ctx);
      writeFileSync(join(ctx, 'Dockerfile'), 'FROM alpine\nCOPY missing.txt /\n');
      const r = await runCli(['build', '-t', 'bad', '.'], env, { cwd: ctx });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/missing\.txt/);
    });

    it('tag and rmi', async () => {
      expect(await docker('tag', 'demo', 'demo:v2')).toEqual({ code: 0, stdout: '', stderr: '' });
      expect((await docker('images')).stdout).toMatch(/\ndemo +v2 /);
      expect(await docker('rmi', 'demo:v2')).toEqual({
        code: 0,
        stdout: 'Untagged: demo:v2\n',
        stderr: '',
      });
      expect((await docker('images')).stdout).not.toMatch(/\ndemo +v2 /);
    });

    it('network create, ls, rm', async () => {
      const created = await docker('network', 'create', 'net1');
      expect(created.code).toBe(0);
      expect(created.stdout).toMatch(ID64);
      expect((await docker('network', 'ls')).stdout).toMatch(
        /\n[0-9a-f]{12} +net1 +bridge +local\n/,
      );
      expect(await docker('network', 'rm', 'net1')).toEqual({
        code: 0,
        stdout: 'net1\n',
        stderr: '',
      });
      expect((await docker('network', 'ls')).stdout).not.toContain('net1');
    });

    it('volume create, ls, rm', async () => {
      expect(await docker('volume', 'create', 'v1')).toEqual({
        code: 0,
        stdout: 'v1\n',
        stderr: '',
      });
      expect((await docker('volume', 'ls')).stdout).toMatch(/\nlocal +v1\n/);
      expect(await docker('volume', 'rm', 'v1')).toEqual({ code: 0, stdout: 'v1\n', stderr: '' });
    });

    it('events streams new events until the CLI goes', async () => {
      const held = bridge.engine.heldCount;
      const events = spawnCli(['events'], env);
      try {
        await until(() => bridge.engine.heldCount > held, 5_000, 'the events stream to open');
        expect((await docker('run', '-d', '--name', 'ev', 'alpine', 'echo', 'x')).code).toBe(0);
        const out = await events.waitFor(
          / container die [0-9a-f]{64} \(exitCode=0, image=alpine, name=ev\)\n/,
        );
        expect(out).toMatch(
          /^\d{4}-\d\d-\d\dT[\d:.]+Z container create [0-9a-f]{64} \(image=alpine, name=ev\)\n/,
        );
        expect(out).toMatch(/ container start [0-9a-f]{64} \(image=alpine, name=ev\)\n/);
      } finally {
        events.child.kill('SIGTERM');
      }
      // The CLI went: its held answer and listener go with it.
      await until(() => bridge.engine.heldCount === held, 5_000, 'the events stream to close');
      expect((await docker('rm', 'ev')).code).toBe(0);
    });

    it('events --since/--until replays the past and ends by itself', async () => {
      const sim = bridge.session.sim;
      const untilSec = Math.ceil((sim.world.epochMs + sim.now) / 1000);
      const r = await runCli(['events', '--since', '0', '--until', String(untilSec)], env, {
        timeoutMs: 10_000,
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/ image pull alpine:latest \(name=alpine:latest\)\n/);
      expect(r.stdout).toMatch(/ container create [0-9a-f]{64} \(image=nginx, name=web\)\n/);
      expect(r.stdout).toMatch(/ container destroy [0-9a-f]{64} \(image=alpine, name=ev\)\n/);
    });

    it('swarm init, node ls, and services that converge: create, ls, ps, scale, rm', async () => {
      const init = await docker('swarm', 'init');
      expect(init.code).toBe(0);
      expect(init.stdout).toMatch(
        /^Swarm initialized: current node \([a-z0-9]{25}\) is now a manager\./,
      );
      expect(init.stdout).toMatch(/docker swarm join --token SWMTKN-1-\S+ \S+:2377/);
      const nodes = await docker('node', 'ls');
      expect(nodes.code).toBe(0);
      expect(nodes.stdout).toMatch(/\* +node-1 +Ready +Active +Leader +\S+/);
      // Without -d the CLI follows the tasks until every slot runs and stays up for 5 s.
      const create = await runCli(
        ['service', 'create', '--replicas', '2', '--name', 'web', 'nginx'],
        env,
        { timeoutMs: 30_000 },
      );
      expect(create.code).toBe(0);
      expect(create.stdout).toMatch(/^[a-z0-9]{25}\n/);
      expect(create.stdout + create.stderr).toMatch(/verify: Service \S+ converged/);
      const ls = await docker('service', 'ls');
      expect(ls.stdout).toMatch(/web +replicated +2\/2 +nginx:latest/);
      const ps = await docker('service', 'ps', 'web', '--format', '{{.Name}} {{.CurrentState}}');
      expect(ps.stdout.trim().split('\n').sort()).toEqual([
        expect.stringMatching(/^web\.1 Running /),
        expect.stringMatching(/^web\.2 Running /),
      ]);
      const scale = await runCli(['service', 'scale', 'web=3'], env, { timeoutMs: 30_000 });
      expect(scale.code).toBe(0);
      expect(scale.stdout).toMatch(/^web scaled to 3\n/);
      expect((await docker('service', 'ls')).stdout).toMatch(/web +replicated +3\/3/);
      const rm = await docker('service', 'rm', 'web');
      expect(rm.stdout).toBe('web\n');
      expect((await docker('service', 'ls')).stdout.trim().split('\n')).toHaveLength(1);
    }, 60_000);
  });
}
